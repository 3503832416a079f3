using HomemadeML.Charts;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Data;

namespace HomemadeML.Charts.Tests;

public class AnomalyChartsTests
{
    private static (Dataset Data, GaussianAnomalyModel Model, ThresholdSelection Threshold) Fit()
    {
        var data = BuiltInDatasets.Load("server-metrics", seed: 5);
        var model = new GaussianAnomalyDetection(new GaussianAnomalyDetectionOptions()).Fit(data.Features, cancellationToken: TestContext.Current.CancellationToken);
        var threshold = ThresholdSelection.Select(model.LogDensity(data.Features), data.Labels!);
        return (data, model, threshold);
    }

    [Fact]
    public void DensityContours_ServerMetrics_IsValidPngAndCountsFlagged()
    {
        var (data, model, threshold) = Fit();
        var flagged = model.Flag(data.Features, threshold.LogEpsilon);

        var chart = AnomalyCharts.DensityContours(data.Features, model.LogDensity, threshold.LogEpsilon, flagged, data.FeatureNames);

        PngAssert.IsValidChart(chart, "anomaly-density");
        Assert.Contains($"{flagged.Count(f => f)} examples below it", chart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ThresholdCurve_ServerMetrics_IsValidPngAndReportsChosenF1()
    {
        var (_, _, threshold) = Fit();
        var h = threshold.History;

        var chart = AnomalyCharts.ThresholdCurve([.. h.Select(c => c.LogEpsilon)], [.. h.Select(c => c.Precision)], [.. h.Select(c => c.Recall)],
            [.. h.Select(c => c.F1)], threshold.LogEpsilon);

        PngAssert.IsValidChart(chart, "anomaly-threshold");
        Assert.Contains($"F1 {threshold.F1:0.###}", chart.Description, StringComparison.Ordinal);
    }
}
