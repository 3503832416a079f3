using System.Text;
using HomemadeML.Testing;

namespace HomemadeML.Content.Tests.Harness;

/// <summary>
/// Reads the engine regions between <c>// lesson-snippet-start: &lt;id&gt;</c> and <c>// lesson-snippet-end: &lt;id&gt;</c>
/// (de-indented by their common indent) and, in update mode, rewrites a lesson's csharp block to match.
/// </summary>
internal static class EngineSnippets
{
    public const string UpdateVariable = "HOMEMADE_UPDATE_SNIPPETS";

    public static bool UpdateMode => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The region's text, or null when no engine file marks it.</summary>
    public static string? Region(string lessonId)
    {
        var engine = Path.Combine(RepositoryRoot.Path, "src", "HomemadeML.Engine");
        var start = "// lesson-snippet-start: " + lessonId;
        var end = "// lesson-snippet-end: " + lessonId;
        foreach (var file in Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            var first = Array.FindIndex(lines, l => l.Trim() == start);
            if (first < 0)
            {
                continue;
            }

            var last = Array.FindIndex(lines, first + 1, l => l.Trim() == end);
            Assert.True(last > first, $"{file}: '{start}' has no matching '{end}'");
            return Dedent(lines[(first + 1)..last]);
        }

        return null;
    }

    /// <summary>Removes the common leading whitespace of the non-blank lines; trims trailing whitespace.</summary>
    public static string Dedent(IReadOnlyList<string> lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Trim().Length == 0 ? string.Empty : l[indent..].TrimEnd())).Trim('\n');
    }

    /// <summary>Replaces the body of the csharp fence that opens on 1-based line <paramref name="fenceLine"/>.</summary>
    public static void RewriteFence(string lessonFile, int fenceLine, string newCode)
    {
        var lines = File.ReadAllText(lessonFile).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var open = fenceLine - 1;
        Assert.StartsWith("```csharp", lines[open].Trim(), StringComparison.Ordinal);
        var close = lines.FindIndex(open + 1, l => l.Trim() == "```");
        Assert.True(close > open, $"{lessonFile}: the csharp fence at line {fenceLine} is not closed");
        lines.RemoveRange(open + 1, close - open - 1);
        lines.InsertRange(open + 1, newCode.Split('\n'));
        File.WriteAllText(lessonFile, string.Join('\n', lines), new UTF8Encoding(false));
    }

    /// <summary>A compact line diff: the first differing line and a few lines of context from both sides.</summary>
    public static string Diff(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i])
        {
            i++;
        }

        var builder = new StringBuilder();
        builder.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"first difference at snippet line {i + 1} (engine {e.Length} lines, lesson {a.Length} lines):");
        for (var k = Math.Max(0, i - 2); k < Math.Min(Math.Max(e.Length, a.Length), i + 4); k++)
        {
            if (k < e.Length)
            {
                builder.AppendLine("- engine: " + e[k]);
            }

            if (k < a.Length)
            {
                builder.AppendLine("+ lesson: " + a[k]);
            }
        }

        return builder.ToString();
    }
}
