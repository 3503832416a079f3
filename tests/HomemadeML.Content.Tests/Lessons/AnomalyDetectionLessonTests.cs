using HomemadeML.Content.Tests.Harness;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Metrics;

namespace HomemadeML.Content.Tests.Lessons;

/// <summary>The anomaly-detection lesson's numbers, recomputed by the engine.</summary>
public sealed class AnomalyDetectionLessonTests
{
    private const string LessonId = "anomaly-detection";

    // Means, variances and log-densities of a handful of values: both sides do the same few double operations,
    // so only the last bits can differ; 1e-9 relative is far above that and far below any formula mistake.
    private const double Tolerance = 1e-9;

    [Fact]
    public void WorkedExample_DensityOfOneFeature_MatchesEngine()
    {
        var check = LessonChecks.Check(LessonId, "gaussian-density");
        var expected = check.GetProperty("expected");

        var model = Fit(LessonChecks.ToMatrix(check.GetProperty("train")));
        var logDensity = model.LogDensity(LessonChecks.ToMatrix(check.GetProperty("points")));

        LessonChecks.AssertClose(LessonChecks.ToDoubles(expected.GetProperty("mean")), model.Mean, Tolerance, "mean");
        LessonChecks.AssertClose(LessonChecks.ToDoubles(expected.GetProperty("variance")), model.Variance, Tolerance, "variance");
        LessonChecks.AssertClose(LessonChecks.ToDoubles(expected.GetProperty("log_density")), logDensity, Tolerance, "log-density");
        LessonChecks.AssertClose(
            LessonChecks.ToDoubles(expected.GetProperty("density")), logDensity.Select(Math.Exp).ToArray(), Tolerance, "density");
    }

    [Fact]
    public void WorkedExample_ThresholdAndScores_MatchEngine()
    {
        var check = LessonChecks.Check(LessonId, "threshold-scores");
        var expected = check.GetProperty("expected");
        var model = Fit(LessonChecks.ToMatrix(check.GetProperty("train")));
        var validation = LessonChecks.ToMatrix(check.GetProperty("validation"));
        var truth = LessonChecks.ToInts(check.GetProperty("is_anomaly"));

        var flagged = model.Flag(validation, Math.Log(check.GetProperty("epsilon").GetDouble()));
        var scores = ClassificationMetrics.PrecisionRecallF1(truth, flagged.Select(f => f ? 1 : 0).ToArray());

        Assert.Equal(expected.GetProperty("flagged").EnumerateArray().Select(e => e.GetBoolean()), flagged);
        LessonChecks.AssertClose(expected.GetProperty("precision").GetDouble(), scores.Precision, Tolerance, "precision");
        LessonChecks.AssertClose(expected.GetProperty("recall").GetDouble(), scores.Recall, Tolerance, "recall");
        LessonChecks.AssertClose(expected.GetProperty("f1").GetDouble(), scores.F1, Tolerance, "F1");
    }

    [Fact]
    public void PythonResult_ServerMeasurements_MatchEngineFitAndThreshold()
    {
        var python = LessonChecks.RunPython(LessonId);
        var engineCheck = LessonChecks.EngineCheck(LessonId);
        var tolerance = engineCheck.GetProperty("relative_tolerance").GetDouble();
        var steps = engineCheck.GetProperty("hyperparameters").GetProperty("threshold_steps").GetInt32();
        var broken = LessonChecks.ToMatrix(engineCheck.GetProperty("broken"));
        var train = Ordinary(0, 40);
        var validationRows = Enumerable.Range(0, 20).Select(i => Ordinary(40, 60).Row(i).ToArray())
            .Concat(Enumerable.Range(0, broken.Rows).Select(i => broken.Row(i).ToArray()))
            .ToArray();
        var validation = Matrix.FromRows(validationRows);
        var truth = Enumerable.Repeat(0, 20).Concat(Enumerable.Repeat(1, broken.Rows)).ToArray();

        var model = Fit(train);
        var logDensity = model.LogDensity(validation);
        var threshold = ThresholdSelection.Select(logDensity, truth, steps);

        LessonChecks.AssertClose(python.Numbers("mean"), model.Mean, tolerance, "mean");
        LessonChecks.AssertClose(python.Numbers("variance"), model.Variance, tolerance, "variance");
        LessonChecks.AssertClose(python.Numbers("validation_log_density"), logDensity, tolerance, "validation log-density");
        LessonChecks.AssertClose(python.Number("precision"), threshold.Precision, tolerance, "precision");
        LessonChecks.AssertClose(python.Number("recall"), threshold.Recall, tolerance, "recall");
        LessonChecks.AssertClose(python.Number("f1"), threshold.F1, tolerance, "F1");
    }

    private static GaussianAnomalyModel Fit(Matrix x) =>
        new GaussianAnomalyDetection(new GaussianAnomalyDetectionOptions { FullCovariance = false }).Fit(x, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>The lesson's healthy servers: (14 + 1.2·sin(0.7k), 15 + 1.0·cos(1.3k)) for k in [from, to).</summary>
    private static Matrix Ordinary(int from, int to) =>
        Matrix.FromRows(Enumerable.Range(from, to - from)
            .Select(k => new[] { 14.0 + (1.2 * Math.Sin(0.7 * k)), 15.0 + (1.0 * Math.Cos(1.3 * k)) })
            .ToArray());
}
