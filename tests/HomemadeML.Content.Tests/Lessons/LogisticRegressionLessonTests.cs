using HomemadeML.Content.Tests.Harness;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Optimization;

namespace HomemadeML.Content.Tests.Lessons;

/// <summary>The logistic-regression lesson's numbers, recomputed by the engine.</summary>
public sealed class LogisticRegressionLessonTests
{
    private const string LessonId = "logistic-regression";

    // Three examples, one step: the same few double operations on both sides (the engine's log(1 + eᶻ) − y·z form
    // differs from the lesson's log h only by rounding, ~1e-16), so 1e-12 can only fail on a different formula.
    // The lesson quotes probabilities to 12 decimals, hence 1e-11 for those.
    private const double WorkedExampleTolerance = 1e-12;
    private const double QuotedDigitsTolerance = 1e-11;

    [Fact]
    public void WorkedExample_OneGradientStep_MatchesEngine()
    {
        var check = LessonChecks.Check(LessonId, "logistic-regression-gradient-step");
        var x = LessonChecks.ToMatrix(check.GetProperty("x"));
        var y = LessonChecks.ToInts(check.GetProperty("y"));
        var expected = check.GetProperty("expected");
        Assert.All(LessonChecks.ToDoubles(check.GetProperty("theta")), t => Assert.Equal(0.0, t)); // the engine starts at Θ = 0

        // Two classes train two one-vs-all rows; row 1 ("is it class 1?") is the lesson's binary classifier.
        var model = new LogisticRegression(Options(check, iterations: 1)).Fit(x, y, classCount: 2, cancellationToken: TestContext.Current.CancellationToken);

        LessonChecks.AssertClose(LessonChecks.ToDoubles(expected.GetProperty("theta")), model.Theta.Row(1).ToArray(), WorkedExampleTolerance, "θ after one step");
        LessonChecks.AssertClose(expected.GetProperty("cost_after").GetDouble(), model.CostHistories[1][^1], WorkedExampleTolerance, "cost after the step");
        var probabilities = model.PredictProbabilities(x).Column(1);
        LessonChecks.AssertClose(LessonChecks.ToDoubles(expected.GetProperty("probabilities_after")), probabilities, QuotedDigitsTolerance, "h after the step");
    }

    [Fact]
    public void WorkedExample_CostAtZeroAndSigmoid_MatchEngine()
    {
        var check = LessonChecks.Check(LessonId, "logistic-regression-gradient-step");
        var x = LessonChecks.ToMatrix(check.GetProperty("x"));
        var y = LessonChecks.ToInts(check.GetProperty("y"));
        var expected = check.GetProperty("expected");

        // The engine's objective at Θ = 0: each class's cost is the lesson's "cost before" (log 2).
        var design = new Matrix(x.Rows, x.Columns + 1);
        for (var i = 0; i < x.Rows; i++)
        {
            design[i, 0] = 1;
            x.Row(i).CopyTo(design.Row(i)[1..]);
        }

        var objective = LogisticRegression.CreateObjective(design, y, 2, check.GetProperty("regularization").GetDouble());
        var gradient = new double[2 * design.Columns];
        var total = objective(new double[gradient.Length], gradient);
        LessonChecks.AssertClose(2 * expected.GetProperty("cost_before").GetDouble(), total, WorkedExampleTolerance, "Σ class costs at Θ = 0");

        var z = check.GetProperty("sigmoid_at").GetDouble();
        var g = new double[1];
        HomemadeML.Engine.Kernels.Kernels.Sigmoid([z], g);
        var slope = new double[1];
        HomemadeML.Engine.Kernels.Kernels.SigmoidGradient(g, slope); // takes the activation g(z), not z
        LessonChecks.AssertClose(expected.GetProperty("sigmoid").GetDouble(), g[0], WorkedExampleTolerance, "g(z)");
        LessonChecks.AssertClose(expected.GetProperty("sigmoid_derivative").GetDouble(), slope[0], WorkedExampleTolerance, "g′(z)");
    }

    [Fact]
    public void PythonResult_ThreeGroups_MatchesEngineGradientDescent()
    {
        var python = LessonChecks.RunPython(LessonId);
        var engineCheck = LessonChecks.EngineCheck(LessonId);
        var hyper = engineCheck.GetProperty("hyperparameters");
        var tolerance = engineCheck.GetProperty("relative_tolerance").GetDouble();
        Assert.Equal("gd", hyper.GetProperty("optimizer").GetString());
        var x = LessonChecks.ToMatrix(python.Result.GetProperty("features"));
        var labels = LessonChecks.ToInts(python.Result.GetProperty("labels"));
        var theta = python.Result.GetProperty("theta").EnumerateArray().Select(LessonChecks.ToDoubles).ToArray();

        var model = new LogisticRegression(Options(hyper, hyper.GetProperty("iterations").GetInt32()))
            .Fit(x, labels, theta.Length, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(hyper.GetProperty("iterations").GetInt32(), model.IterationsRun);
        var finalCosts = python.Numbers("final_costs");
        for (var k = 0; k < theta.Length; k++)
        {
            LessonChecks.AssertClose(theta[k], model.Theta.Row(k).ToArray(), tolerance, $"θ of class {k}");
            LessonChecks.AssertClose(finalCosts[k], model.CostHistories[k][^1], tolerance, $"final cost of class {k}");
        }

        var predicted = model.Predict(x);
        var accuracy = (double)predicted.Zip(labels).Count(p => p.First == p.Second) / labels.Length;
        Assert.Equal(python.Number("training_accuracy"), accuracy);
    }

    private static LogisticRegressionOptions Options(System.Text.Json.JsonElement settings, int iterations) => new()
    {
        Optimizer = OptimizerKind.GradientDescent,
        LearningRate = settings.GetProperty("learning_rate").GetDouble(),
        Iterations = iterations,
        Regularization = settings.GetProperty("regularization").GetDouble(),
        Normalize = settings.GetProperty("normalize").GetBoolean(),
        GradientTolerance = 0, // run every iteration, as the python does, instead of stopping on a small gradient
    };
}
