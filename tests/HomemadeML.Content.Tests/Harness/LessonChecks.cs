using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using HomemadeML.Content.Loading;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Testing;

namespace HomemadeML.Content.Tests.Harness;

/// <summary>
/// Shared helpers for per-lesson engine-agreement tests (tests/HomemadeML.Content.Tests/Lessons/*):
/// <list type="bullet">
/// <item><see cref="Lesson"/> — the lesson parsed straight from skill-content/lessons/&lt;id&gt;.md of this checkout
/// (one file only, so a broken sibling lesson does not fail your test).</item>
/// <item><see cref="Check"/> — the <c>```json check</c> block whose "kind" matches; <see cref="EngineCheck"/> — the
/// <c>```json engine-check</c> block.</item>
/// <item><see cref="RunPython"/> — runs the lesson's code-python block once per test run (cached) and returns its RESULT.</item>
/// <item><see cref="ToMatrix"/>, <see cref="ToDoubles"/>, <see cref="ToInts"/> — JSON arrays to engine types.</item>
/// <item><see cref="AssertClose(double, double, double, string)"/> — relative comparison with a message naming the quantity.</item>
/// </list>
/// </summary>
internal static class LessonChecks
{
    private static readonly ConcurrentDictionary<string, Lazy<Lesson>> Lessons = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<PythonRun>> PythonRuns = new(StringComparer.Ordinal);
    private static readonly Lazy<LessonLibrary> RepositoryLibrary = new(() => LessonLibrary.LoadFromDirectory(RepositoryRoot.Path));

    /// <summary>The whole library read from this checkout (fails if any content file is broken).</summary>
    public static LessonLibrary Library => RepositoryLibrary.Value;

    public static string LessonPath(string lessonId) =>
        Path.Combine(RepositoryRoot.Path, "skill-content", "lessons", lessonId + ".md");

    /// <summary>One lesson parsed on its own from this checkout.</summary>
    public static Lesson Lesson(string lessonId) =>
        Lessons.GetOrAdd(lessonId, id => new Lazy<Lesson>(() =>
            LessonLoader.Load($"skill-content/lessons/{id}.md", File.ReadAllText(LessonPath(id))))).Value;

    /// <summary>The lesson's code-python block.</summary>
    public static string PythonCode(string lessonId) =>
        Lesson(lessonId).FindCode("code-python", "python")?.Code
        ?? throw new InvalidOperationException($"lesson '{lessonId}' has no ```python block in its code-python section");

    /// <summary>Runs the lesson's python once per test run and returns the parsed RESULT line.</summary>
    public static PythonRun RunPython(string lessonId) =>
        PythonRuns.GetOrAdd(lessonId, id => new Lazy<PythonRun>(() => PythonRunner.Run(PythonCode(id)))).Value;

    /// <summary>All <c>json check</c> blocks of a lesson, parsed.</summary>
    public static IReadOnlyList<JsonElement> Checks(string lessonId) =>
        Lesson(lessonId).Checks.Where(c => c.Arguments == "check").Select(c => Parse(lessonId, c)).ToArray();

    /// <summary>The <c>json check</c> block whose "kind" is <paramref name="kind"/>.</summary>
    public static JsonElement Check(string lessonId, string kind)
    {
        var matches = Checks(lessonId)
            .Where(c => c.TryGetProperty("kind", out var k) && k.GetString() == kind)
            .ToArray();
        Assert.True(matches.Length == 1, $"lesson '{lessonId}' should have exactly one json check block with kind '{kind}'; found {matches.Length}");
        return matches[0];
    }

    /// <summary>The lesson's <c>json engine-check</c> block.</summary>
    public static JsonElement EngineCheck(string lessonId)
    {
        var blocks = Lesson(lessonId).Checks.Where(c => c.Arguments == "engine-check").ToArray();
        Assert.True(blocks.Length == 1, $"lesson '{lessonId}' should have exactly one json engine-check block; found {blocks.Length}");
        return Parse(lessonId, blocks[0]);
    }

    public static Matrix ToMatrix(JsonElement rows) =>
        Matrix.FromRows(rows.EnumerateArray().Select(ToDoubles).ToArray());

    public static double[] ToDoubles(JsonElement values) =>
        values.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static int[] ToInts(JsonElement values) =>
        values.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    /// <summary>|actual − expected| ≤ tolerance·max(1, |expected|) — relative for large values, absolute near zero.</summary>
    public static void AssertClose(double expected, double actual, double relativeTolerance, string what)
    {
        var allowed = relativeTolerance * Math.Max(1.0, Math.Abs(expected));
        Assert.True(
            Math.Abs(actual - expected) <= allowed,
            string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, got {actual:R} (allowed ±{allowed:G3})"));
    }

    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relativeTolerance, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: expected {expected.Count} values, got {actual.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            AssertClose(expected[i], actual[i], relativeTolerance, $"{what}[{i}]");
        }
    }

    private static JsonElement Parse(string lessonId, CodeBlock block)
    {
        try
        {
            using var document = JsonDocument.Parse(block.Code);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"lesson '{lessonId}' line {block.Line}: json {block.Arguments} block is not valid JSON: {e.Message}", e);
        }
    }
}
