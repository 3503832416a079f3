using HomemadeML.Engine.Metrics;

namespace HomemadeML.Engine.Tests.Metrics;

public class RegressionMetricsTests
{
    private static readonly double[] Actual = [3, -0.5, 2, 7];
    private static readonly double[] Predicted = [2.5, 0.0, 2, 8];

    [Fact]
    public void MeanSquaredError_SmallExample_MatchesHandComputation()
    {
        // (0.25 + 0.25 + 0 + 1) / 4; the same example scikit-learn's documentation uses.
        Assert.Equal(0.375, RegressionMetrics.MeanSquaredError(Actual, Predicted), 15);
        Assert.Equal(Math.Sqrt(0.375), RegressionMetrics.RootMeanSquaredError(Actual, Predicted), 15);
    }

    [Fact]
    public void RSquared_SmallExample_MatchesScikitLearnDocumentation()
    {
        // sklearn.metrics.r2_score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) = 0.9486081370449679.
        Assert.Equal(0.9486081370449679, RegressionMetrics.RSquared(Actual, Predicted), 14);
    }

    [Fact]
    public void RSquared_ConstantTarget_IsOneWhenExactAndZeroOtherwise()
    {
        Assert.Equal(1.0, RegressionMetrics.RSquared([2, 2, 2], [2, 2, 2]));
        Assert.Equal(0.0, RegressionMetrics.RSquared([2, 2, 2], [2, 2, 3]));
    }

    [Fact]
    public void MeanSquaredError_LengthMismatch_ThrowsNamingPredicted()
    {
        var ex = Assert.Throws<ArgumentException>("predicted", () => RegressionMetrics.MeanSquaredError([1, 2], [1]));
        Assert.Contains("actual has 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RSquared_Empty_ThrowsNamingActual()
    {
        Assert.Throws<ArgumentException>("actual", () => RegressionMetrics.RSquared([], []));
    }
}
