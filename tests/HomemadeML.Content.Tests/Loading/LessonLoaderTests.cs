using HomemadeML.Content.Loading;
using HomemadeML.Content.Tests.Harness;

namespace HomemadeML.Content.Tests.Loading;

/// <summary>Broken copies of the real content, each failing with its own specific, located error.</summary>
public sealed class LessonLoaderTests
{
    private const string KMeans = "skill-content/lessons/k-means.md";
    private const string Anomaly = "skill-content/lessons/anomaly-detection.md";

    [Fact]
    public void Load_LessonMissingPitfallsSection_FailsNamingFileAndSection()
    {
        using var copy = ContentFolders.CopyToTemp();
        copy.Edit(KMeans, "## Pitfalls {#pitfalls}", "## Common mistakes {#mistakes}");

        var error = Assert.Throws<ContentLoadException>(() => LessonLibrary.LoadFromDirectory(copy.Root));

        Assert.Equal(KMeans, error.File);
        Assert.Contains("missing required section", error.Message, StringComparison.Ordinal);
        Assert.Contains("pitfalls", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(KMeans + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AliasUsedByTwoLessons_FailsNamingBothLessonsAndAliasLine()
    {
        using var copy = ContentFolders.CopyToTemp();
        copy.Edit(Anomaly, "aliases: [anomaly,", "aliases: [kmeans, anomaly,");

        var error = Assert.Throws<ContentLoadException>(() => LessonLibrary.LoadFromDirectory(copy.Root));

        var files = new[] { KMeans, Anomaly };
        Assert.Contains(error.File, files);
        Assert.Contains("kmeans", error.Message, StringComparison.Ordinal);
        Assert.Contains("unique", error.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(copy.PathOf(error.File), "aliases:"), error.Line);
    }

    [Fact]
    public void Load_AliasEqualToAnotherLessonsId_Fails()
    {
        using var copy = ContentFolders.CopyToTemp();
        copy.Edit(Anomaly, "aliases: [anomaly,", "aliases: [K_Means, anomaly,".ToLowerInvariant());

        var error = Assert.Throws<ContentLoadException>(() => LessonLibrary.LoadFromDirectory(copy.Root));

        Assert.Contains("k-means", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FormulaWithoutSymbolsLine_FailsAtTheFormulaHeading()
    {
        using var copy = ContentFolders.CopyToTemp();
        copy.Edit(KMeans, "Symbols: Cⱼ —", "Where Cⱼ —");

        var error = Assert.Throws<ContentLoadException>(() => LessonLibrary.LoadFromDirectory(copy.Root));

        Assert.Equal(LineOf(copy.PathOf(KMeans), "### Centroid update {#centroid-update}"), error.Line);
        Assert.Contains("'Symbols:'", error.Message, StringComparison.Ordinal);
        Assert.Contains("centroid-update", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FormulaWithoutLatex_Fails()
    {
        using var copy = ContentFolders.CopyToTemp();
        copy.Edit(KMeans, "```latex\nc^{(i)}", "```tex\nc^{(i)}");

        var error = Assert.Throws<ContentLoadException>(() => LessonLibrary.LoadFromDirectory(copy.Root));

        Assert.Contains("latex", error.Message, StringComparison.Ordinal);
        Assert.Contains("assignment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownPrerequisite_FailsAtThePrerequisitesLine()
    {
        using var copy = ContentFolders.CopyToTemp();
        copy.Edit(KMeans, "prerequisites: [linear-regression]", "prerequisites: [linear-algebra]");

        var error = Assert.Throws<ContentLoadException>(() => LessonLibrary.LoadFromDirectory(copy.Root));

        Assert.Equal(KMeans, error.File);
        Assert.Equal(LineOf(copy.PathOf(KMeans), "prerequisites:"), error.Line);
        Assert.Contains("linear-algebra", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFrontMatterKey_FailsNamingTheKey()
    {
        using var copy = ContentFolders.CopyToTemp();
        copy.Edit(KMeans, "default_dataset: iris\n", string.Empty);

        var error = Assert.Throws<ContentLoadException>(() => LessonLibrary.LoadFromDirectory(copy.Root));

        Assert.Equal(KMeans, error.File);
        Assert.Contains("default_dataset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SectionHeadingWithoutId_FailsAtThatLine()
    {
        using var copy = ContentFolders.CopyToTemp();
        copy.Edit(KMeans, "## Intuition {#intuition}", "## Intuition");

        var error = Assert.Throws<ContentLoadException>(() => LessonLibrary.LoadFromDirectory(copy.Root));

        Assert.Equal(LineOf(copy.PathOf(KMeans), "## Intuition"), error.Line);
    }

    [Fact]
    public void Load_IdDifferentFromFileName_Fails()
    {
        using var copy = ContentFolders.CopyToTemp();
        copy.Edit(KMeans, "id: k-means", "id: kmeans-clustering");

        var error = Assert.Throws<ContentLoadException>(() => LessonLibrary.LoadFromDirectory(copy.Root));

        Assert.Equal(2, error.Line);
        Assert.Contains("file name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Lesson_KeepsSectionsInFileOrderAndStripsCheckBlocks()
    {
        var lesson = LessonChecks.Lesson("k-means");

        Assert.Equal(Lesson.RequiredSectionIds, lesson.Sections.Select(s => s.Id));
        var worked = lesson.GetSection("worked-example").Markdown;
        Assert.Contains("| A     | (1, 1)", worked, StringComparison.Ordinal);
        Assert.DoesNotContain("\"kind\"", worked, StringComparison.Ordinal);
        Assert.Single(lesson.Checks, c => c.Arguments == "check");
        Assert.Single(lesson.Checks, c => c.Arguments == "engine-check");
        Assert.Equal(["assignment", "centroid-update", "inertia", "kmeans-plus-plus"], lesson.Formulas.Select(f => f.Id));
    }

    [Fact]
    public void Load_SectionTitlesAndLines_ComeFromTheHeadings()
    {
        var lesson = LessonChecks.Lesson("k-means");
        var section = lesson.GetSection("code-python");

        Assert.Equal("Code (Python, NumPy only)", section.Title);
        Assert.Equal(LineOf(LessonChecks.LessonPath("k-means"), "## Code (Python, NumPy only) {#code-python}"), section.Line);
        Assert.Equal("python", Assert.Single(section.CodeBlocks).Language);
    }

    [Fact]
    public void Load_WindowsLineEndings_ParseTheSame()
    {
        var text = File.ReadAllText(LessonChecks.LessonPath("k-means"));

        var unix = LessonLoader.Load("skill-content/lessons/k-means.md", text);
        var windows = LessonLoader.Load("skill-content/lessons/k-means.md", text.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(unix.Sections.Select(s => s.Markdown), windows.Sections.Select(s => s.Markdown));
        Assert.Equal(unix.Formulas, windows.Formulas);
    }

    private static int LineOf(string file, string startsWith) =>
        Array.FindIndex(File.ReadAllLines(file), l => l.StartsWith(startsWith, StringComparison.Ordinal)) + 1;
}
