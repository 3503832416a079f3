using HomemadeML.Charts;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Data;

namespace HomemadeML.Charts.Tests;

public class CostChartTests
{
    [Fact]
    public void Render_RealLinearRegressionRun_IsValidPngWithCostNumbers()
    {
        var data = BuiltInDatasets.Load("noisy-line", seed: 1);
        var model = new LinearRegression(new LinearRegressionOptions()).Fit(data.Features, data.Targets!, cancellationToken: TestContext.Current.CancellationToken);

        var chart = CostChart.Render([new CostSeries("α = 0.01", model.CostHistory)], "Linear regression: cost per iteration");

        PngAssert.IsValidChart(chart, "cost-single");
        Assert.Equal("cost", chart.Name);
        Assert.Contains($"over {model.CostHistory.Count} iterations", chart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SweepWithDivergingRun_UsesLogScaleAndSaysDiverged()
    {
        var data = BuiltInDatasets.Load("noisy-line", seed: 1);
        var runs = new List<CostSeries>();
        foreach (var rate in new[] { 0.003, 0.03, 0.3, 2.5 })
        {
            var model = new LinearRegression(new LinearRegressionOptions { LearningRate = rate, Iterations = 200 }).Fit(data.Features, data.Targets!, cancellationToken: TestContext.Current.CancellationToken);
            runs.Add(new CostSeries($"α = {rate}", model.CostHistory, model.StopReason == HomemadeML.Engine.Training.StopReason.Diverged));
        }

        var chart = CostChart.Render(runs, "Learning-rate sweep");

        PngAssert.IsValidChart(chart, "cost-sweep");
        Assert.Contains("log-scale", chart.Description, StringComparison.Ordinal);
        Assert.Contains("α = 2.5: diverged", chart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NaNInHistory_TreatsRunAsDivergedAtLastFinitePoint()
    {
        var chart = CostChart.Render([new CostSeries("run", [4, 2, 1, double.PositiveInfinity, double.NaN])]);

        Assert.Contains("diverged after 3 finite iterations (last finite cost 1)", chart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoRuns_ThrowsNamingRuns()
    {
        var error = Assert.Throws<ArgumentException>(() => CostChart.Render([]));

        Assert.Equal("runs", error.ParamName);
    }

    [Fact]
    public void Render_SameInputTwice_GivesIdenticalBytes()
    {
        CostSeries[] runs = [new("a", [10, 5, 3, 2.5, 2.2]), new("b", [10, 8, 7, 6.5, 6.3])];

        Assert.Equal(CostChart.Render(runs).Png, CostChart.Render(runs).Png);
    }
}
