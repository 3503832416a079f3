using System.Diagnostics;
using HomemadeML.Content.Tests.Harness;
using HomemadeML.Testing;

namespace HomemadeML.Content.Tests;

public sealed class LessonLibraryTests
{
    private static readonly string[] ExpectedIds =
        ["linear-regression", "logistic-regression", "multilayer-perceptron", "k-means", "anomaly-detection"];

    private static LessonLibrary Library => LessonChecks.Library;

    [Fact]
    public void LoadFromDirectory_RepositoryContent_HasTheFiveLessonsInPathOrder()
    {
        Assert.Equal(ExpectedIds, Library.LessonIds);
        Assert.Equal([1, 2, 3, 4, 5], Library.Lessons.Select(l => l.Position));
    }

    [Fact]
    public void Embedded_MatchesTheRepositoryContent()
    {
        var embedded = LessonLibrary.Embedded;

        Assert.Equal(Library.LessonIds, embedded.LessonIds);
        Assert.Equal(Library.Concepts.Select(c => c.Id), embedded.Concepts.Select(c => c.Id));
        Assert.Equal(Library.Notebooks.Entries.Count, embedded.Notebooks.Entries.Count);
        foreach (var lesson in Library.Lessons)
        {
            var other = embedded.GetLesson(lesson.Id);
            Assert.Equal(lesson.Sections.Select(s => s.Markdown), other.Sections.Select(s => s.Markdown));
        }
    }

    [Fact]
    public void Embedded_ReturnsTheSameInstanceEveryTime()
    {
        Assert.Same(LessonLibrary.Embedded, LessonLibrary.Embedded);
    }

    [Fact]
    public void TryResolve_EveryIdAndAlias_ResolvesToExactlyItsOwnLesson()
    {
        foreach (var lesson in Library.Lessons)
        {
            foreach (var name in lesson.Aliases.Prepend(lesson.Id))
            {
                Assert.True(Library.TryResolve(name, out var found), $"'{name}' does not resolve");
                Assert.Same(lesson, found);
                var owners = Library.Lessons.Count(l => l.Aliases.Prepend(l.Id).Any(n => LessonLibrary.Normalize(n) == LessonLibrary.Normalize(name)));
                Assert.True(owners == 1, $"'{name}' is claimed by {owners} lessons");
            }
        }
    }

    [Theory]
    [InlineData("K-Means", "k-means")]
    [InlineData("  kmeans ", "k-means")]
    [InlineData("k_means", "k-means")]
    [InlineData("ANOMALY-DETECTION", "anomaly-detection")]
    [InlineData("gaussian anomaly detection", "anomaly-detection")]
    public void TryResolve_CaseSpacingAndSeparatorVariants_FindTheLesson(string name, string expectedId)
    {
        Assert.True(Library.TryResolve(name, out var lesson));
        Assert.Equal(expectedId, lesson.Id);
    }

    [Theory]
    [InlineData("kmaens", "k-means")]
    [InlineData("anomaly-detectoin", "anomaly-detection")]
    [InlineData("k-mean", "k-means")]
    public void Resolve_MisspelledName_ListsValidIdsAndClosestMatch(string name, string closest)
    {
        var resolution = Library.Resolve(name);

        Assert.False(resolution.Found);
        Assert.Equal(ExpectedIds, resolution.ValidIds);
        Assert.Equal(closest, resolution.ClosestMatch);
        Assert.Contains($"Did you mean '{closest}'?", resolution.DescribeFailure(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnrelatedName_SuggestsNothing()
    {
        var resolution = Library.Resolve("support vector machine with radial basis kernel");

        Assert.False(resolution.Found);
        Assert.Null(resolution.ClosestMatch);
    }

    [Fact]
    public void GetLesson_UnknownName_ThrowsListingValidIds()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Library.GetLesson("svm"));

        Assert.Contains("linear-regression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConceptLinks_InEveryLesson_NameExistingConceptPages()
    {
        foreach (var lesson in Library.Lessons)
        {
            foreach (var concept in lesson.ConceptLinks)
            {
                Assert.True(Library.TryGetConcept(concept, out _), $"lesson '{lesson.Id}' links to missing concept '{concept}'");
            }
        }
    }

    [Fact]
    public void Concepts_TheSixTopics_AllPresentWithTitles()
    {
        Assert.Equal(
            ["feature-scaling", "gradient-descent", "one-vs-all", "overfitting", "regularization", "train-test-split"],
            Library.Concepts.Select(c => c.Id));
        Assert.All(Library.Concepts, c => Assert.False(string.IsNullOrWhiteSpace(c.Title)));
        Assert.All(Library.Concepts, c => Assert.False(string.IsNullOrWhiteSpace(c.Markdown)));
    }

    [Fact]
    public void Lessons_WhenReadFromManyThreads_ReturnTheSameObjects()
    {
        var results = new Lesson?[64];
        Parallel.For(0, results.Length, i => Library.TryResolve(ExpectedIds[i % ExpectedIds.Length], out results[i]));

        Assert.All(results.Select((l, i) => (l, i)), p => Assert.Same(Library.GetLesson(ExpectedIds[p.i % ExpectedIds.Length]), p.l));
    }

    [Fact]
    public void LoadFromDirectory_AllContent_ParsesQuickly()
    {
        LessonLibrary.LoadFromDirectory(RepositoryRoot.Path); // warm-up: JIT and file cache
        var watch = Stopwatch.StartNew();
        const int Runs = 5;
        for (var i = 0; i < Runs; i++)
        {
            LessonLibrary.LoadFromDirectory(RepositoryRoot.Path);
        }

        var perLoad = watch.Elapsed / Runs;
        // Target: 50 ms for all content. Measured here: ≈ 3 ms warm, ≈ 18 ms for the first (JIT-cold) load.
        // The bound is 4× the target so a busy 2-core CI box does not flake, while a parse that grows
        // quadratically with the content still fails.
        Assert.True(perLoad < TimeSpan.FromMilliseconds(200), $"one load took {perLoad.TotalMilliseconds:F1} ms");
    }
}
