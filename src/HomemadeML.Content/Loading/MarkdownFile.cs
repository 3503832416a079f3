using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HomemadeML.Content.Loading;

/// <summary>
/// A content file parsed once by Markdig and flattened into our own small records (top-level blocks with their
/// source spans and 1-based lines, plus every link), so nothing outside this file touches Markdig types.
/// </summary>
internal sealed class MarkdownFile
{
    // Markdig pipelines are immutable and thread-safe; one serves every file.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseGenericAttributes()
        .Build();

    private MarkdownFile(
        string path, string text, FrontMatter frontMatter, IReadOnlyList<Block> blocks, IReadOnlyList<Block> fences, IReadOnlyList<Link> links)
    {
        Path = path;
        Text = text;
        FrontMatter = frontMatter;
        Blocks = blocks;
        Fences = fences;
        Links = links;
    }

    public string Path { get; }

    /// <summary>The file text with line endings normalized to '\n'.</summary>
    public string Text { get; }

    public FrontMatter FrontMatter { get; }

    /// <summary>Top-level blocks after the front matter, in file order.</summary>
    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>Every fenced code block at any depth (also inside lists and quotes), in file order.</summary>
    public IReadOnlyList<Block> Fences { get; }

    public IReadOnlyList<Link> Links { get; }

    /// <summary>Fenced blocks whose span starts inside [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public IEnumerable<Block> FencesBetween(int start, int end) => Fences.Where(f => f.Start >= start && f.Start < end);

    public static MarkdownFile Parse(string path, string rawText)
    {
        var text = rawText.Replace("\r\n", "\n", StringComparison.Ordinal);
        var document = Markdown.Parse(text, Pipeline);
        FrontMatter? frontMatter = null;
        var blocks = new List<Block>();
        foreach (var block in document)
        {
            var line = block.Line + 1;
            var (start, end) = (block.Span.Start, Math.Min(block.Span.End, text.Length - 1));
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    frontMatter = ParseFrontMatter(path, text, yaml);
                    break;
                case HeadingBlock heading:
                    // The span stops before a trailing {#id}; a heading always owns its whole line.
                    var lineEnd = text.IndexOf('\n', start);
                    blocks.Add(new Block(BlockKind.Heading, line, start, lineEnd < 0 ? text.Length - 1 : lineEnd - 1)
                    {
                        Level = heading.Level,
                        Id = heading.TryGetAttributes()?.Id,
                        Title = PlainText(heading.Inline),
                    });
                    break;
                case FencedCodeBlock fence:
                    blocks.Add(ToBlock(fence, text));
                    break;
                case ParagraphBlock:
                    blocks.Add(new Block(BlockKind.Paragraph, line, start, end) { Title = text[start..(end + 1)] });
                    break;
                default:
                    blocks.Add(new Block(BlockKind.Other, line, start, end));
                    break;
            }
        }

        var fences = document.Descendants<FencedCodeBlock>().Select(f => ToBlock(f, text)).ToArray();
        var links = document.Descendants<LinkInline>()
            .Where(l => !l.IsImage && l.Url is not null)
            .Select(l => new Link(l.Url!, l.Line + 1))
            .ToArray();
        return new MarkdownFile(
            path,
            text,
            frontMatter ?? throw new ContentLoadException(path, 1, "file must start with a '---' front matter block"),
            blocks,
            fences,
            links);
    }

    /// <summary>Source text from <paramref name="start"/> up to (not including) <paramref name="end"/>, leaving out the given blocks.</summary>
    public string Slice(int start, int end, IEnumerable<Block> without)
    {
        var builder = new StringBuilder();
        var position = start;
        foreach (var block in without.Where(b => b.Start >= start && b.End < end).OrderBy(b => b.Start))
        {
            builder.Append(Text, position, block.Start - position);
            position = Math.Min(end, block.End + 1);
        }

        builder.Append(Text, position, end - position);
        return TrimBlankLines(builder.ToString());
    }

    private static FrontMatter ParseFrontMatter(string path, string text, YamlFrontMatterBlock yaml)
    {
        // The block's span covers both '---' fences; parse the lines between them.
        var lines = text[yaml.Span.Start..Math.Min(text.Length, yaml.Span.End + 1)].Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var inner = lines.Count >= 2 ? lines.GetRange(1, lines.Count - 2) : [];
        return FrontMatter.Parse(path, inner, yaml.Line + 2);
    }

    private static Block ToBlock(FencedCodeBlock fence, string text) =>
        new(BlockKind.Fence, fence.Line + 1, fence.Span.Start, Math.Min(fence.Span.End, text.Length - 1))
        {
            Language = fence.Info ?? string.Empty,
            Arguments = fence.Arguments ?? string.Empty,
            Code = FenceContent(fence),
        };

    private static string FenceContent(FencedCodeBlock fence)
    {
        var lines = new List<string>(fence.Lines.Count);
        foreach (var line in fence.Lines)
        {
            lines.Add(line.ToString() ?? string.Empty);
        }

        return string.Join('\n', lines).TrimEnd('\n');
    }

    private static string PlainText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
            }
        }

        return builder.ToString().Trim();
    }

    private static string TrimBlankLines(string value)
    {
        var lines = value.Split('\n');
        var first = 0;
        var last = lines.Length - 1;
        while (first <= last && lines[first].Trim().Length == 0)
        {
            first++;
        }

        while (last >= first && lines[last].Trim().Length == 0)
        {
            last--;
        }

        // Collapse the double blank line a removed block leaves behind.
        var kept = new List<string>();
        for (var i = first; i <= last; i++)
        {
            if (lines[i].Trim().Length == 0 && kept.Count > 0 && kept[^1].Length == 0)
            {
                continue;
            }

            kept.Add(lines[i].Trim().Length == 0 ? string.Empty : lines[i]);
        }

        return string.Join('\n', kept);
    }

    internal enum BlockKind
    {
        Heading,
        Fence,
        Paragraph,
        Other,
    }

    /// <summary>A top-level block; <see cref="Start"/>..<see cref="End"/> is its inclusive source span.</summary>
    internal sealed record Block(BlockKind Kind, int Line, int Start, int End)
    {
        public int Level { get; init; }

        public string? Id { get; init; }

        /// <summary>Heading text, or a paragraph's raw source.</summary>
        public string Title { get; init; } = string.Empty;

        public string Language { get; init; } = string.Empty;

        public string Arguments { get; init; } = string.Empty;

        public string Code { get; init; } = string.Empty;

        public bool IsCheck => Kind == BlockKind.Fence && Language == "json" && Arguments is "check" or "engine-check";
    }

    internal sealed record Link(string Url, int Line);
}
