namespace HomemadeML.Content;

/// <summary>
/// One <c>## Title {#id}</c> section of a lesson. <see cref="Markdown"/> is the text as served to a learner:
/// the section body without its heading, with machine-only blocks (<c>json check</c>, <c>json engine-check</c>) removed.
/// </summary>
public sealed class LessonSection
{
    internal LessonSection(string id, string title, string markdown, IReadOnlyList<CodeBlock> codeBlocks, int line)
    {
        Id = id;
        Title = title;
        Markdown = markdown;
        CodeBlocks = codeBlocks;
        Line = line;
    }

    public string Id { get; }

    public string Title { get; }

    public string Markdown { get; }

    /// <summary>The served fenced blocks of this section, in file order (machine-only blocks excluded).</summary>
    public IReadOnlyList<CodeBlock> CodeBlocks { get; }

    /// <summary>1-based line of the section heading in the lesson file.</summary>
    public int Line { get; }
}
