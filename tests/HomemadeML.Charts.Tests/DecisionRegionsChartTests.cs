using HomemadeML.Charts;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Data;

namespace HomemadeML.Charts.Tests;

public class DecisionRegionsChartTests
{
    [Fact]
    public void Render_IrisPetalFeatures_IsValidPngAndCountsCorrectPoints()
    {
        var iris = BuiltInDatasets.Load("iris");
        var x = iris.Features.SelectColumns([2, 3]);
        var model = new LogisticRegression(new LogisticRegressionOptions()).Fit(x, iris.Labels!, iris.ClassCount, cancellationToken: TestContext.Current.CancellationToken);

        var chart = DecisionRegionsChart.Render(x, iris.Labels!, iris.ClassNames!, model.Predict, [iris.FeatureNames[2], iris.FeatureNames[3]],
            "Logistic regression on iris petals");

        PngAssert.IsValidChart(chart, "decision-regions-iris");
        var correct = model.Predict(x).Zip(iris.Labels!, (p, t) => p == t ? 1 : 0).Sum();
        Assert.Contains($"{correct} of 150 examples", chart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MicrochipsPolynomialBoundary_IsValidPng()
    {
        var chips = BuiltInDatasets.Load("microchips", seed: 3);
        var model = new LogisticRegression(new LogisticRegressionOptions { PolynomialDegree = 5 }).Fit(chips.Features, chips.Labels!, chips.ClassCount, cancellationToken: TestContext.Current.CancellationToken);

        var chart = DecisionRegionsChart.Render(chips.Features, chips.Labels!, chips.ClassNames!, model.Predict, chips.FeatureNames,
            "Microchips: polynomial (degree 5) boundary");

        PngAssert.IsValidChart(chart, "decision-regions-microchips");
    }

    [Fact]
    public void Render_ThreeFeatureMatrix_ThrowsNamingPoints()
    {
        var iris = BuiltInDatasets.Load("iris");

        var error = Assert.Throws<ArgumentException>(() => DecisionRegionsChart.Render(iris.Features.SelectColumns([0, 1, 2]), iris.Labels!,
            iris.ClassNames!, m => new int[m.Rows], ["a", "b"]));

        Assert.Equal("points", error.ParamName);
    }
}
