using System.Text.RegularExpressions;
using static HomemadeML.Content.Loading.MarkdownFile;

namespace HomemadeML.Content.Loading;

/// <summary>
/// Reads skill-content/learning-path.md: one <c>## Step N: Title {#lesson-id}</c> per lesson, each with
/// "Why now:", "Prerequisites:", "Checkpoint:" and "Answer:" lines.
/// </summary>
internal static partial class LearningPathLoader
{
    private static readonly string[] Labels = ["Why now:", "Prerequisites:", "Checkpoint:", "Answer:"];

    public static LearningPath Load(string path, string text, IReadOnlyDictionary<string, Lesson> lessonsById)
    {
        var file = MarkdownFile.Parse(path, text);
        var title = file.FrontMatter.RequireScalar("title");
        var headings = file.Blocks.Select((b, i) => (b, i)).Where(p => p.b.Kind == BlockKind.Heading && p.b.Level == 2).ToArray();
        var introEnd = headings.Length > 0 ? headings[0].b.Start : file.Text.Length;
        var introStart = file.Blocks.FirstOrDefault(b => !(b.Kind == BlockKind.Heading && b.Level == 1))?.Start ?? introEnd;
        var introduction = file.Slice(Math.Min(introStart, introEnd), introEnd, []);
        var steps = new List<LearningPathStep>();
        for (var h = 0; h < headings.Length; h++)
        {
            var (heading, index) = headings[h];
            var match = StepHeading().Match(heading.Title);
            if (!match.Success || string.IsNullOrEmpty(heading.Id))
            {
                throw new ContentLoadException(path, heading.Line, $"step heading '{heading.Title}' must read '## Step N: Title {{#lesson-id}}'");
            }

            var position = int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (position != steps.Count + 1)
            {
                throw new ContentLoadException(path, heading.Line, $"step number {position} out of order; expected {steps.Count + 1}");
            }

            if (!lessonsById.ContainsKey(heading.Id))
            {
                throw new ContentLoadException(path, heading.Line, $"step id '{heading.Id}' is not a lesson id; lessons: {string.Join(", ", lessonsById.Keys.Order(StringComparer.Ordinal))}");
            }

            var end = h + 1 < headings.Length ? headings[h + 1].i : file.Blocks.Count;
            var bodyEnd = end < file.Blocks.Count ? file.Blocks[end].Start : file.Text.Length;
            var values = ReadLabels(path, heading, file.Slice(heading.End + 1, bodyEnd, []));
            steps.Add(new LearningPathStep(position, heading.Id, match.Groups["title"].Value.Trim(), values[0], values[1], values[2], values[3]));
        }

        return new LearningPath(title, introduction, steps);
    }

    [GeneratedRegex(@"^Step\s+(?<n>\d+)\s*:\s*(?<title>.+)$")]
    private static partial Regex StepHeading();

    // Each label starts a line; its value runs until the next label (so an answer may span several lines).
    private static string[] ReadLabels(string path, Block heading, string body)
    {
        var values = new string?[Labels.Length];
        var current = -1;
        foreach (var rawLine in body.Split('\n'))
        {
            var line = rawLine.Trim().TrimStart('*', '-', ' ').Replace("**", string.Empty, StringComparison.Ordinal);
            var label = Array.FindIndex(Labels, l => line.StartsWith(l, StringComparison.Ordinal));
            if (label >= 0)
            {
                current = label;
                values[label] = line[Labels[label].Length..].Trim();
            }
            else if (current >= 0 && line.Length > 0)
            {
                values[current] = $"{values[current]} {line}".Trim();
            }
        }

        for (var i = 0; i < Labels.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                throw new ContentLoadException(path, heading.Line, $"step '{heading.Id}' is missing its '{Labels[i]}' line");
            }
        }

        return values!;
    }
}
