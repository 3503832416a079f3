using System.Buffers.Binary;
using System.Text.Json;
using HomemadeML.Skill.Services;
using ModelContextProtocol.Protocol;

namespace HomemadeML.Skill.Tests.Services;

public class RunChartsTests
{
    private static readonly ExampleRunner Runner = new(new SkillLimits());

    [Theory]
    [InlineData("linear-regression", "", new[] { "cost", "fit" })]
    [InlineData("linear-regression", "iris-like-multi", new[] { "cost", "predicted-vs-actual" })]
    [InlineData("logistic-regression", "microchips", new[] { "cost", "decision-regions", "confusion-matrix" })]
    [InlineData("multilayer-perceptron", "", new[] { "cost", "samples", "confusion-matrix", "hidden-weights" })]
    [InlineData("k-means", "", new[] { "cost", "clusters" })]
    [InlineData("anomaly-detection", "", new[] { "density", "threshold" })]
    public async Task ForRun_EachAlgorithmsDemo_ReturnsItsChartsWithinTheBudget(string algorithm, string dataset, string[] expected)
    {
        var request = new RunRequest { Algorithm = algorithm, Dataset = dataset == "iris-like-multi" ? "" : dataset };
        if (dataset == "iris-like-multi")
        {
            // Two features of a regression csv, so the multi-feature picture is chosen.
            var rows = Enumerable.Range(0, 60).Select(i => $"{i % 7},{i % 5},{(2 * (i % 7)) + (i % 5) + (0.1 * (i % 3))}");
            request = request with { Csv = "a,b,y\n" + string.Join("\n", rows), LabelColumn = "y" };
        }

        if (algorithm == "multilayer-perceptron")
        {
            request = request with { Hyperparameters = Hyperparameters.FromJson(JsonDocument.Parse("""{"iterations": 30}""").RootElement) };
        }

        var run = await Runner.RunAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        var set = RunCharts.ForRun(run);

        Assert.Equal(expected, set.Charts.Select(c => c.Name));
        Assert.Empty(set.Dropped);
        Assert.True(set.Charts.Sum(c => c.Png.Length) <= RunCharts.MaxTotalPngBytes);
        foreach (var chart in set.Charts)
        {
            AssertPng(chart.Png);
            // For a human look: HOMEMADE_ML_CHART_DIR=/tmp/charts writes every chart there.
            if (Environment.GetEnvironmentVariable("HOMEMADE_ML_CHART_DIR") is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
                await File.WriteAllBytesAsync(Path.Combine(folder, $"run-{algorithm}-{dataset}-{chart.Name}.png"), chart.Png, TestContext.Current.CancellationToken);
            }
        }
    }

    [Fact]
    public async Task ForSweep_DivergingLearningRate_MarksItDiverged()
    {
        var request = new RunRequest { Algorithm = "linear-regression", Hyperparameters = Hyperparameters.FromJson(JsonDocument.Parse("""{"iterations": 100}""").RootElement) };
        var sweep = await Runner.SweepAsync(request, "learning_rate", ["0.01", "0.3", "3"], cancellationToken: TestContext.Current.CancellationToken);

        var set = RunCharts.ForSweep(sweep);

        var chart = Assert.Single(set.Charts);
        AssertPng(chart.Png);
        Assert.Contains("learning_rate = 3: diverged", chart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForComparison_TwoClassifiers_OneBarChartWithTestAccuracy()
    {
        var runs = new List<RunReport>();
        foreach (var algorithm in new[] { "logistic-regression", "k-means" })
        {
            runs.Add(await Runner.RunAsync(new RunRequest { Algorithm = algorithm, Dataset = "iris" }, cancellationToken: TestContext.Current.CancellationToken));
        }

        var set = RunCharts.ForComparison(runs, "iris");

        var chart = Assert.Single(set.Charts);
        AssertPng(chart.Png);
        Assert.Contains("logistic-regression: test accuracy", chart.Description, StringComparison.Ordinal);
        Assert.Contains("k-means: test purity", chart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToContent_Run_PairsEachImageWithItsDescription()
    {
        var run = await Runner.RunAsync(new RunRequest { Algorithm = "k-means" }, cancellationToken: TestContext.Current.CancellationToken);

        var blocks = RunCharts.ToContent(RunCharts.ForRun(run)).ToList();

        Assert.Equal(4, blocks.Count);
        Assert.IsType<TextContentBlock>(blocks[0]);
        var image = Assert.IsType<ImageContentBlock>(blocks[1]);
        Assert.Equal("image/png", image.MimeType);
    }

    private static void AssertPng(byte[] png)
    {
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        Assert.InRange(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), 1, 800);
        Assert.InRange(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), 1, 500);
        Assert.InRange(png.Length, 1, 150 * 1024);
    }
}
