using HomemadeML.Content.Tests.Harness;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Content.Tests.Lessons;

/// <summary>The linear-regression lesson's numbers, recomputed by the engine.</summary>
public sealed class LinearRegressionLessonTests
{
    private const string LessonId = "linear-regression";

    // The worked example is three points and one step: both sides do the same handful of double operations, so
    // 1e-12 leaves room only for summation order (~1e-16 relative), never for a different formula.
    private const double WorkedExampleTolerance = 1e-12;

    [Fact]
    public void WorkedExample_OneGradientStep_MatchesEngine()
    {
        var check = LessonChecks.Check(LessonId, "linear-regression-gradient-step");
        var x = LessonChecks.ToMatrix(check.GetProperty("x"));
        var y = LessonChecks.ToDoubles(check.GetProperty("y"));
        var expected = check.GetProperty("expected");
        Assert.All(LessonChecks.ToDoubles(check.GetProperty("theta")), t => Assert.Equal(0.0, t)); // the engine starts at θ = 0
        var options = new LinearRegressionOptions
        {
            LearningRate = check.GetProperty("learning_rate").GetDouble(),
            Iterations = 1,
            Regularization = check.GetProperty("regularization").GetDouble(),
            Normalize = check.GetProperty("normalize").GetBoolean(),
        };

        var model = new LinearRegression(options).Fit(x, y, cancellationToken: TestContext.Current.CancellationToken);

        LessonChecks.AssertClose(LessonChecks.ToDoubles(expected.GetProperty("theta")), model.Theta, WorkedExampleTolerance, "θ after one step");
        LessonChecks.AssertClose(expected.GetProperty("cost_after").GetDouble(), model.CostHistory[^1], WorkedExampleTolerance, "cost after the step");

        // J at θ = 0 through the engine's own cost: the normal equation on all-zero targets yields exactly θ = 0,
        // and that model's Cost on the real targets is the lesson's "cost before the step".
        var zeroModel = LinearRegression.SolveNormalEquation(x, new double[y.Length], options);
        Assert.All(zeroModel.Theta, t => Assert.Equal(0.0, t, 15));
        LessonChecks.AssertClose(expected.GetProperty("cost_before").GetDouble(), zeroModel.Cost(x, y), WorkedExampleTolerance, "cost at θ = 0");
    }

    [Fact]
    public void PythonResult_HousePrices_MatchesEngineGradientDescentAndNormalEquation()
    {
        var python = LessonChecks.RunPython(LessonId);
        var engineCheck = LessonChecks.EngineCheck(LessonId);
        var hyper = engineCheck.GetProperty("hyperparameters");
        var tolerance = engineCheck.GetProperty("relative_tolerance").GetDouble();
        var x = LessonChecks.ToMatrix(python.Result.GetProperty("features"));
        var y = python.Numbers("targets");
        var options = new LinearRegressionOptions
        {
            LearningRate = hyper.GetProperty("learning_rate").GetDouble(),
            Iterations = hyper.GetProperty("iterations").GetInt32(),
            Regularization = hyper.GetProperty("regularization").GetDouble(),
            Normalize = hyper.GetProperty("normalize").GetBoolean(),
        };

        var model = new LinearRegression(options).Fit(x, y, cancellationToken: TestContext.Current.CancellationToken);
        var exact = LinearRegression.SolveNormalEquation(x, y, options);

        Assert.Equal(options.Iterations, model.CostHistory.Count);
        LessonChecks.AssertClose(python.Number("final_cost"), model.CostHistory[^1], tolerance, "final cost");
        LessonChecks.AssertClose(python.Numbers("theta"), model.Theta, tolerance, "θ after gradient descent");
        LessonChecks.AssertClose(python.Numbers("normal_equation_theta"), exact.Theta, tolerance, "θ from the normal equation");
    }

    [Fact]
    public void PythonResult_TrainingData_IsTheLessonsTwoFeatureTable()
    {
        // Guards the comparison above against a python block that silently stopped echoing its data.
        var python = LessonChecks.RunPython(LessonId);
        var x = LessonChecks.ToMatrix(python.Result.GetProperty("features"));

        Assert.Equal(40, x.Rows);
        Assert.Equal(2, x.Columns);
        Assert.Equal(40, python.Numbers("targets").Length);
    }
}
