using HomemadeML.Charts;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Data;

namespace HomemadeML.Charts.Tests;

public class RegressionChartTests
{
    [Fact]
    public void FittedCurve_PolynomialFitOnNonlinearCurve_IsValidPng()
    {
        var data = BuiltInDatasets.Load("nonlinear-curve", seed: 2);
        var model = new LinearRegression(new LinearRegressionOptions { PolynomialDegree = 5, LearningRate = 0.1, Iterations = 2000 })
            .Fit(data.Features, data.Targets!, cancellationToken: TestContext.Current.CancellationToken);

        var chart = RegressionChart.FittedCurve(data.Features.Column(0), data.Targets!, model.Predict, data.FeatureNames[0],
            data.TargetName ?? "y", "Polynomial (degree 5) fit");

        PngAssert.IsValidChart(chart, "regression-fit");
        Assert.Contains($"{data.Rows} examples", chart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictedVsActual_IrisPetalWidthFromThreeFeatures_ReportsRSquared()
    {
        var iris = BuiltInDatasets.Load("iris");
        var x = iris.Features.SelectColumns([0, 1, 2]);
        var y = iris.Features.Column(3);
        var model = LinearRegression.SolveNormalEquation(x, y, new LinearRegressionOptions());

        var chart = RegressionChart.PredictedVsActual(y, model.Predict(x), "petal width (cm)");

        PngAssert.IsValidChart(chart, "regression-predicted-vs-actual");
        Assert.Matches(@"R² 0\.9\d*", chart.Description);
    }

    [Fact]
    public void PredictedVsActual_LengthMismatch_ThrowsNamingPredicted()
    {
        var error = Assert.Throws<ArgumentException>(() => RegressionChart.PredictedVsActual([1, 2, 3], [1, 2]));

        Assert.Equal("predicted", error.ParamName);
    }
}
