using System.Diagnostics.CodeAnalysis;
using HomemadeML.Content.Loading;

namespace HomemadeML.Content;

/// <summary>
/// All teaching content — lessons, concept pages, the learning path and the notebook catalog — parsed once and then
/// read-only, so one instance is safe to share across threads. <see cref="Embedded"/> is the copy compiled into this
/// assembly; <see cref="LoadFromDirectory"/> reads a checkout (tests, authoring).
/// </summary>
public sealed class LessonLibrary
{
    private static readonly Lazy<LessonLibrary> EmbeddedLibrary =
        new(() => Build(ContentFiles.FromEmbeddedResources(typeof(LessonLibrary).Assembly)), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Lesson> byName;
    private readonly Dictionary<string, ConceptPage> conceptsById;

    private LessonLibrary(
        IReadOnlyList<Lesson> lessons,
        Dictionary<string, Lesson> byName,
        IReadOnlyList<ConceptPage> concepts,
        LearningPath learningPath,
        NotebookCatalog notebooks)
    {
        Lessons = lessons;
        this.byName = byName;
        Concepts = concepts;
        conceptsById = concepts.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
        LearningPath = learningPath;
        Notebooks = notebooks;
        LessonIds = lessons.Select(l => l.Id).ToArray();
    }

    /// <summary>The content embedded in this assembly, parsed on first use (throws <see cref="ContentLoadException"/> if broken).</summary>
    public static LessonLibrary Embedded => EmbeddedLibrary.Value;

    /// <summary>Lessons in learning-path order (by <see cref="Lesson.Position"/>).</summary>
    public IReadOnlyList<Lesson> Lessons { get; }

    /// <summary>Lesson ids in learning-path order.</summary>
    public IReadOnlyList<string> LessonIds { get; }

    /// <summary>Concept pages ordered by id.</summary>
    public IReadOnlyList<ConceptPage> Concepts { get; }

    public LearningPath LearningPath { get; }

    public NotebookCatalog Notebooks { get; }

    /// <summary>
    /// Reads <c>skill-content/</c> and <c>notebooks-links/</c> under <paramref name="contentRoot"/> (normally the repository root).
    /// </summary>
    /// <exception cref="ContentLoadException">A file breaks the content format; the message starts with file:line.</exception>
    public static LessonLibrary LoadFromDirectory(string contentRoot) => Build(ContentFiles.FromDirectory(contentRoot));

    /// <summary>
    /// Finds a lesson by id or alias, ignoring case, surrounding spaces, and the difference between '-', '_' and ' '
    /// (so "K_Means" and "k means" both find k-means).
    /// </summary>
    public bool TryResolve(string name, [NotNullWhen(true)] out Lesson? lesson)
    {
        lesson = null;
        return name is not null && byName.TryGetValue(Normalize(name), out lesson);
    }

    /// <summary>Like <see cref="TryResolve"/>, but on a miss also returns the valid ids and the closest id or alias's lesson id.</summary>
    public LessonResolution Resolve(string name)
    {
        if (TryResolve(name, out var lesson))
        {
            return new LessonResolution(name, lesson, LessonIds, lesson.Id);
        }

        var query = Normalize(name ?? string.Empty);
        string? closest = null;
        var best = int.MaxValue;
        foreach (var (key, candidate) in byName.OrderBy(p => p.Value.Position).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var distance = EditDistance.Between(query, key);
            if (distance < best)
            {
                (best, closest) = (distance, candidate.Id);
            }
        }

        // A suggestion further away than half the query (plus slack for short typos) would be noise.
        var limit = Math.Max(3, query.Length / 2);
        return new LessonResolution(name ?? string.Empty, null, LessonIds, best <= limit ? closest : null);
    }

    /// <summary>The lesson with this id or alias.</summary>
    /// <exception cref="KeyNotFoundException">Unknown name; the message lists valid ids and the closest match.</exception>
    public Lesson GetLesson(string name)
    {
        var resolution = Resolve(name);
        return resolution.Lesson ?? throw new KeyNotFoundException(resolution.DescribeFailure());
    }

    public bool TryGetConcept(string id, [NotNullWhen(true)] out ConceptPage? concept)
    {
        concept = null;
        return id is not null && conceptsById.TryGetValue(id.Trim(), out concept);
    }

    internal static string Normalize(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(c => c is '_' or ' ' ? '-' : c).ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }

    private static LessonLibrary Build(IReadOnlyDictionary<string, string> files)
    {
        var lessons = files
            .Where(f => f.Key.StartsWith("skill-content/lessons/", StringComparison.Ordinal) && f.Key.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => LessonLoader.Load(f.Key, f.Value))
            .OrderBy(l => l.Position)
            .ThenBy(l => l.Id, StringComparer.Ordinal)
            .ToArray();
        if (lessons.Length == 0)
        {
            throw new ContentLoadException("skill-content/lessons", 0, "no lesson files found");
        }

        var byName = IndexNames(lessons);
        var byId = lessons.ToDictionary(l => l.Id, StringComparer.Ordinal);
        foreach (var lesson in lessons)
        {
            foreach (var prerequisite in lesson.Prerequisites.Where(p => !byId.ContainsKey(p)))
            {
                throw new ContentLoadException(lesson.SourcePath, lesson.PrerequisitesLine, $"prerequisite '{prerequisite}' is not a lesson id; lessons: {string.Join(", ", byId.Keys)}");
            }
        }

        var concepts = files
            .Where(f => f.Key.StartsWith("skill-content/concepts/", StringComparison.Ordinal) && f.Key.EndsWith(".md", StringComparison.Ordinal))
            .Select(f => ConceptLoader.Load(f.Key, f.Value))
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToArray();
        var path = LearningPathLoader.Load(PathFile, Require(files, PathFile), byId);
        var notebooks = NotebookCatalogLoader.Load(CatalogFile, Require(files, CatalogFile), byId);
        return new LessonLibrary(lessons, byName, concepts, path, notebooks);
    }

    private const string PathFile = "skill-content/learning-path.md";
    private const string CatalogFile = "notebooks-links/notebooks.json";

    private static string Require(IReadOnlyDictionary<string, string> files, string path) =>
        files.TryGetValue(path, out var text) ? text : throw new ContentLoadException(path, 0, "required content file is missing");

    // Every id and alias must name exactly one lesson, after the same normalization lookups use.
    private static Dictionary<string, Lesson> IndexNames(IReadOnlyList<Lesson> lessons)
    {
        var byName = new Dictionary<string, Lesson>(StringComparer.Ordinal);
        foreach (var lesson in lessons)
        {
            foreach (var name in lesson.Aliases.Prepend(lesson.Id))
            {
                var key = Normalize(name);
                // A lesson may repeat its own name ("linear regression" next to id linear-regression); another lesson may not.
                if (byName.TryGetValue(key, out var owner) && owner != lesson)
                {
                    throw new ContentLoadException(
                        lesson.SourcePath,
                        lesson.AliasesLine,
                        $"name '{name}' is also claimed by '{owner.Id}' ({owner.SourcePath}); ids and aliases must be unique across lessons");
                }

                byName[key] = lesson;
            }
        }

        return byName;
    }
}
