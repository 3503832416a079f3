using System.Diagnostics.CodeAnalysis;

namespace HomemadeML.Content;

/// <summary>
/// One algorithm lesson (skill-content/lessons/&lt;id&gt;.md): its front matter, its sections in file order and its formulas.
/// Immutable; built by the <see cref="LessonLibrary"/>.
/// </summary>
public sealed class Lesson
{
    /// <summary>Section ids every lesson must have, in the order the format lists them.</summary>
    public static IReadOnlyList<string> RequiredSectionIds { get; } =
    [
        "purpose", "intuition", "formulas", "worked-example", "code-python", "code-csharp", "when-to-use", "pitfalls",
        "exercises",
    ];

    private readonly Dictionary<string, LessonSection> sectionsById;
    private readonly Dictionary<string, Formula> formulasById;

    internal Lesson(
        LessonHeader header,
        string sourcePath,
        IReadOnlyList<LessonSection> sections,
        IReadOnlyList<Formula> formulas,
        IReadOnlyList<string> conceptLinks,
        IReadOnlyList<CodeBlock> checks)
    {
        Id = header.Id;
        Title = header.Title;
        Aliases = header.Aliases;
        Category = header.Category;
        Task = header.Task;
        Position = header.Position;
        Prerequisites = header.Prerequisites;
        DefaultDataset = header.DefaultDataset;
        SourcePath = sourcePath;
        Sections = sections;
        Formulas = formulas;
        ConceptLinks = conceptLinks;
        Checks = checks;
        AliasesLine = header.AliasesLine;
        PrerequisitesLine = header.PrerequisitesLine;
        sectionsById = sections.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        formulasById = formulas.ToDictionary(f => f.Id, StringComparer.OrdinalIgnoreCase);
    }

    public string Id { get; }

    public string Title { get; }

    /// <summary>Other names a learner may use (lowercase, unique across the library).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary><c>supervised</c> or <c>unsupervised</c>.</summary>
    public string Category { get; }

    /// <summary><c>regression</c>, <c>classification</c>, <c>clustering</c> or <c>anomaly</c>.</summary>
    public string Task { get; }

    /// <summary>1-based place on the learning path.</summary>
    public int Position { get; }

    /// <summary>Ids of lessons to read first.</summary>
    public IReadOnlyList<string> Prerequisites { get; }

    /// <summary>Built-in dataset that examples use when none is named.</summary>
    public string DefaultDataset { get; }

    /// <summary>Where the lesson came from, relative to the content root (e.g. <c>skill-content/lessons/k-means.md</c>).</summary>
    public string SourcePath { get; }

    /// <summary>All <c>##</c> sections in file order.</summary>
    public IReadOnlyList<LessonSection> Sections { get; }

    /// <summary>The formulas of the formulas section, in file order.</summary>
    public IReadOnlyList<Formula> Formulas { get; }

    /// <summary>Ids of the concept pages the lesson links to (<c>../concepts/&lt;id&gt;.md</c>), distinct, in order of first use.</summary>
    public IReadOnlyList<string> ConceptLinks { get; }

    internal int AliasesLine { get; }

    internal int PrerequisitesLine { get; }

    /// <summary>Machine-only blocks (<c>json check</c>, <c>json engine-check</c>) in file order; never served.</summary>
    internal IReadOnlyList<CodeBlock> Checks { get; }

    /// <summary>The section with this id (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">The lesson has no such section; the message lists the ids it has.</exception>
    public LessonSection GetSection(string id) =>
        TryGetSection(id, out var section)
            ? section
            : throw new KeyNotFoundException(
                $"Lesson '{Id}' has no section '{id}'; sections: {string.Join(", ", Sections.Select(s => s.Id))}.");

    public bool TryGetSection(string id, [NotNullWhen(true)] out LessonSection? section) =>
        sectionsById.TryGetValue(id, out section);

    /// <summary>The formula with this id (case-insensitive).</summary>
    public bool TryGetFormula(string id, [NotNullWhen(true)] out Formula? formula) =>
        formulasById.TryGetValue(id, out formula);

    /// <summary>The first served code block of a section in the given language, e.g. ("code-python", "python").</summary>
    public CodeBlock? FindCode(string sectionId, string language) =>
        TryGetSection(sectionId, out var section)
            ? section.CodeBlocks.FirstOrDefault(b => string.Equals(b.Language, language, StringComparison.OrdinalIgnoreCase))
            : null;

    public override string ToString() => Id;
}
