using System.Text.RegularExpressions;
using static HomemadeML.Content.Loading.MarkdownFile;

namespace HomemadeML.Content.Loading;

/// <summary>
/// Builds a <see cref="Lesson"/> from one lesson file: validates the front matter, splits <c>##</c> sections by their
/// <c>{#id}</c>, reads the <c>###</c> formulas inside <c>formulas</c>, and sets machine-only check blocks aside.
/// Every failure is a <see cref="ContentLoadException"/> naming the file and line.
/// </summary>
internal static partial class LessonLoader
{
    private static readonly string[] Categories = ["supervised", "unsupervised"];
    private static readonly string[] Tasks = ["regression", "classification", "clustering", "anomaly"];

    public static Lesson Load(string path, string text)
    {
        var file = MarkdownFile.Parse(path, text);
        var header = ReadHeader(file);
        var sections = new List<LessonSection>();
        var formulas = new List<Formula>();
        var checks = new List<CodeBlock>();
        var blocks = file.Blocks;
        var sectionStarts = blocks.Select((b, i) => (b, i)).Where(p => p.b.Kind == BlockKind.Heading && p.b.Level <= 2).ToArray();

        foreach (var block in file.Fences.Where(b => b.IsCheck))
        {
            checks.Add(ToCodeBlock(block));
        }

        for (var s = 0; s < sectionStarts.Length; s++)
        {
            var (heading, index) = sectionStarts[s];
            if (heading.Level == 1)
            {
                continue;
            }

            if (string.IsNullOrEmpty(heading.Id))
            {
                throw new ContentLoadException(path, heading.Line, $"section '{heading.Title}' needs an id: '## {heading.Title} {{#some-id}}'");
            }

            if (sections.Any(x => x.Id == heading.Id))
            {
                throw new ContentLoadException(path, heading.Line, $"section id '{heading.Id}' is used twice");
            }

            var endIndex = s + 1 < sectionStarts.Length ? sectionStarts[s + 1].i : blocks.Count;
            var body = blocks.Skip(index + 1).Take(endIndex - index - 1).ToArray();
            var bodyStart = heading.End + 1;
            var bodyEnd = endIndex < blocks.Count ? blocks[endIndex].Start : file.Text.Length;
            var fences = file.FencesBetween(bodyStart, bodyEnd).ToArray();
            var markdown = file.Slice(bodyStart, bodyEnd, fences.Where(b => b.IsCheck));
            var codeBlocks = fences.Where(b => !b.IsCheck).Select(ToCodeBlock).ToArray();
            sections.Add(new LessonSection(heading.Id, heading.Title, markdown, codeBlocks, heading.Line));

            if (heading.Id == "formulas")
            {
                formulas.AddRange(ReadFormulas(path, body));
            }
        }

        foreach (var required in Lesson.RequiredSectionIds)
        {
            if (!sections.Any(x => x.Id == required))
            {
                throw new ContentLoadException(path, 1, $"lesson '{header.Id}' is missing required section '## … {{#{required}}}'");
            }
        }

        if (formulas.Count == 0)
        {
            var line = sections.First(x => x.Id == "formulas").Line;
            throw new ContentLoadException(path, line, "the formulas section needs at least one '### Name {#id}' formula");
        }

        var conceptLinks = file.Links
            .Select(l => ConceptLink().Match(l.Url))
            .Where(m => m.Success)
            .Select(m => m.Groups["id"].Value)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new Lesson(header, path, sections, formulas, conceptLinks, checks);
    }

    /// <summary>Concept page id linked by <c>../concepts/&lt;id&gt;.md</c> (an optional <c>#anchor</c> is allowed).</summary>
    [GeneratedRegex(@"^(\.\./)?concepts/(?<id>[A-Za-z0-9-]+)\.md(#.*)?$")]
    internal static partial Regex ConceptLink();

    private static LessonHeader ReadHeader(MarkdownFile file)
    {
        var fm = file.FrontMatter;
        var id = fm.RequireScalar("id");
        var expectedId = Path.GetFileNameWithoutExtension(file.Path);
        if (id != expectedId)
        {
            throw new ContentLoadException(file.Path, fm.LineOf("id"), $"id '{id}' must equal the file name '{expectedId}'");
        }

        var aliases = fm.RequireList("aliases");
        foreach (var alias in aliases.Where(a => a != a.ToLowerInvariant()))
        {
            throw new ContentLoadException(file.Path, fm.LineOf("aliases"), $"alias '{alias}' must be lowercase");
        }

        var category = fm.RequireScalar("category");
        if (!Categories.Contains(category))
        {
            throw new ContentLoadException(file.Path, fm.LineOf("category"), $"category '{category}' must be one of {string.Join(", ", Categories)}");
        }

        var task = fm.RequireScalar("task");
        if (!Tasks.Contains(task))
        {
            throw new ContentLoadException(file.Path, fm.LineOf("task"), $"task '{task}' must be one of {string.Join(", ", Tasks)}");
        }

        var position = fm.RequireInteger("position");
        if (position < 1)
        {
            throw new ContentLoadException(file.Path, fm.LineOf("position"), $"position must be 1 or more; got {position}");
        }

        return new LessonHeader(
            id,
            fm.RequireScalar("title"),
            aliases,
            category,
            task,
            position,
            fm.RequireList("prerequisites"),
            fm.RequireScalar("default_dataset"),
            fm.LineOf("aliases"),
            fm.LineOf("prerequisites"));
    }

    private static IEnumerable<Formula> ReadFormulas(string path, IReadOnlyList<Block> body)
    {
        var headings = body.Select((b, i) => (b, i)).Where(p => p.b.Kind == BlockKind.Heading && p.b.Level == 3).ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var h = 0; h < headings.Length; h++)
        {
            var (heading, index) = headings[h];
            if (string.IsNullOrEmpty(heading.Id))
            {
                throw new ContentLoadException(path, heading.Line, $"formula '{heading.Title}' needs an id: '### {heading.Title} {{#some-id}}'");
            }

            if (!ids.Add(heading.Id))
            {
                throw new ContentLoadException(path, heading.Line, $"formula id '{heading.Id}' is used twice");
            }

            var end = h + 1 < headings.Length ? headings[h + 1].i : body.Count;
            var parts = body.Skip(index + 1).Take(end - index - 1).ToArray();
            var latex = parts.FirstOrDefault(b => b.Kind == BlockKind.Fence && b.Language == "latex");
            var text = parts.FirstOrDefault(b => b.Kind == BlockKind.Fence && b.Language == "text");
            var symbols = parts.FirstOrDefault(b => b.Kind == BlockKind.Paragraph && b.Title.StartsWith("Symbols:", StringComparison.Ordinal));
            var missing = new[] { (latex, "a ```latex block"), (text, "a ```text block"), (symbols, "a 'Symbols:' line") }
                .Where(p => p.Item1 is null || (p.Item1.Kind == BlockKind.Fence && p.Item1.Code.Trim().Length == 0))
                .Select(p => p.Item2)
                .ToArray();
            if (missing.Length > 0)
            {
                throw new ContentLoadException(path, heading.Line, $"formula '{heading.Id}' is missing {string.Join(", ", missing)}");
            }

            var symbolText = string.Join(' ', symbols!.Title["Symbols:".Length..].Split('\n').Select(l => l.Trim())).Trim();
            yield return new Formula(heading.Id, heading.Title, latex!.Code.Trim(), text!.Code.Trim(), symbolText);
        }
    }

    private static CodeBlock ToCodeBlock(Block block) => new(block.Language, block.Arguments, block.Code, block.Line);
}
