using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Data;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Metrics;

namespace HomemadeML.Engine.Tests.Algorithms;

public class GaussianAnomalyDetectionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fit_ServerMetrics_ThresholdChosenByF1FindsTheAnomalies(bool fullCovariance)
    {
        foreach (int seed in new[] { 0, 1, 2 })
        {
            var data = BuiltInDatasets.Load("server-metrics", seed);
            var model = new GaussianAnomalyDetection(new() { FullCovariance = fullCovariance }).Fit(data.Features, cancellationToken: TestContext.Current.CancellationToken);
            var logDensity = model.LogDensity(data.Features);
            var threshold = ThresholdSelection.Select(logDensity, data.Labels!);
            var flagged = model.Flag(data.Features, threshold.LogEpsilon).Select(f => f ? 1 : 0).ToArray();
            var scores = ClassificationMetrics.PrecisionRecallF1(data.Labels, flagged);
            // Brief: anomaly detection F1 ≥ 0.85 on the synthetic server data.
            Assert.True(scores.F1 >= 0.85, $"seed {seed}: F1 {scores.F1:F3}");
            Assert.Equal(threshold.F1, scores.F1, 12);
        }
    }

    [Fact]
    public void LogDensity_OneFeature_MatchesTheGaussianFormula()
    {
        var x = Matrix.FromRows([[1.0], [2.0], [3.0], [6.0]]);
        var model = new GaussianAnomalyDetection().Fit(x, cancellationToken: TestContext.Current.CancellationToken);
        // μ = 3, σ² = (4 + 1 + 0 + 9)/4 = 3.5
        Assert.Equal(3, model.Mean[0], 15);
        Assert.Equal(3.5, model.Variance[0], 15);
        double expected = (-0.5 * Math.Log(2 * Math.PI * 3.5)) - (4.0 / 7.0);
        Assert.Equal(expected, model.LogDensity(Matrix.FromRows([[5.0]]))[0], 14);
    }

    [Fact]
    public void LogDensity_ManyFeatures_StaysFiniteWhereTheDensityUnderflows()
    {
        var random = new Random(3);
        var x = new Matrix(200, 784);
        for (int i = 0; i < x.Data.Length; i++)
        {
            x.Data[i] = 100 * random.NextDouble();
        }

        var model = new GaussianAnomalyDetection().Fit(x, cancellationToken: TestContext.Current.CancellationToken);
        Assert.All(model.Density(x), p => Assert.Equal(0, p));
        Assert.All(model.LogDensity(x), l => Assert.True(double.IsFinite(l)));
    }

    [Fact]
    public void LogDensity_ConstantFeature_DoesNotDivideByZero()
    {
        var x = Matrix.FromRows([[1.0, 5], [2.0, 5], [3.0, 5]]);
        var model = new GaussianAnomalyDetection().Fit(x, cancellationToken: TestContext.Current.CancellationToken);
        var logDensity = model.LogDensity(Matrix.FromRows([[2.0, 5], [2.0, 6]]));
        Assert.True(double.IsFinite(logDensity[0]) && double.IsFinite(logDensity[1]));
        Assert.True(logDensity[1] < logDensity[0] - 1e6, "a change in a never-changing feature is extremely unlikely");
    }

    [Fact]
    public void FullCovariance_CorrelatedFeatures_FlagsTheRowThatBreaksTheCorrelation()
    {
        var rows = Enumerable.Range(0, 100).Select(i => new[] { i / 10.0, (i / 10.0) + (0.1 * Math.Sin(i)) }).ToList();
        var model = new GaussianAnomalyDetection(new() { FullCovariance = true }).Fit(Matrix.FromRows(rows), cancellationToken: TestContext.Current.CancellationToken);
        var logDensity = model.LogDensity(Matrix.FromRows([[5.0, 5.0], [5.0, 2.0]]));
        // (5, 2) is inside each feature's range but off the diagonal both features follow.
        Assert.True(logDensity[1] < logDensity[0] - 50);
    }

    [Fact]
    public void Select_NoAnomalyLabelled_ThrowsNamingIsAnomaly() =>
        Assert.Throws<ArgumentException>("isAnomaly", () => ThresholdSelection.Select([1.0, 2.0], [0, 0]));
}
