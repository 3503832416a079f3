using HomemadeML.Charts;

namespace HomemadeML.Charts.Tests;

public class ComparisonChartTests
{
    [Fact]
    public void Render_ThreeAlgorithms_IsValidPngListingEachResult()
    {
        AlgorithmComparison[] results =
        [
            new("logistic regression", "test accuracy", 0.953, 0.041),
            new("multilayer perceptron", "test accuracy", 0.972, 1.85),
            new("k-means (k=10)", "test accuracy", 0.79, 0.12),
        ];

        var chart = ComparisonChart.Render(results, "Digits: algorithms compared");

        PngAssert.IsValidChart(chart, "comparison");
        Assert.Contains("multilayer perceptron: test accuracy 0.972 in 1.85 s", chart.Description, StringComparison.Ordinal);
        Assert.Contains("logistic regression: test accuracy 0.953 in 41 ms", chart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Empty_ThrowsNamingResults()
    {
        var error = Assert.Throws<ArgumentException>(() => ComparisonChart.Render([]));

        Assert.Equal("results", error.ParamName);
    }
}
