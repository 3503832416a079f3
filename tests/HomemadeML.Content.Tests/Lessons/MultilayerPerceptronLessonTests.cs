using System.Text.Json;
using HomemadeML.Content.Tests.Harness;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Data;
using HomemadeML.Engine.Features;
using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Content.Tests.Lessons;

/// <summary>
/// The multilayer-perceptron lesson's numbers, recomputed by the engine's back-propagation
/// (<see cref="MultilayerPerceptronNetwork"/>). <see cref="MultilayerPerceptron.Fit"/> always draws its starting
/// weights from a seed, so these tests start the engine's network from the lesson's given weights and run the same
/// full-batch update Fit runs with momentum 0: Θ ← Θ − α·∂J/∂Θ.
/// </summary>
public sealed class MultilayerPerceptronLessonTests
{
    private const string LessonId = "multilayer-perceptron";

    // One example through a 2-2-1 network: a few dozen double operations on each side. The lesson quotes values
    // to 12 decimals, so 1e-11 relative can only fail on a different formula.
    private const double QuotedDigitsTolerance = 1e-11;

    [Fact]
    public void WorkedExample_ForwardPassAndBackprop_MatchEngine()
    {
        var check = LessonChecks.Check(LessonId, "multilayer-perceptron-backprop");
        var sizes = LessonChecks.ToInts(check.GetProperty("layers"));
        var design = WithBias(LessonChecks.ToMatrix(check.GetProperty("x")));
        var targets = LessonChecks.ToMatrix(check.GetProperty("y"));
        var weights = Weights(check.GetProperty("weights"));
        var lambda = check.GetProperty("regularization").GetDouble();
        var expected = check.GetProperty("expected");
        var network = new MultilayerPerceptronNetwork(sizes, design.Rows);
        var gradients = MultilayerPerceptronNetwork.CreateWeights(sizes);

        var cost = network.CostAndGradient(design, targets, weights, gradients, lambda);

        LessonChecks.AssertClose(expected.GetProperty("cost").GetDouble(), cost, QuotedDigitsTolerance, "cost");
        LessonChecks.AssertClose(expected.GetProperty("output").GetDouble(), network.Output[0, 0], QuotedDigitsTolerance, "output a⁽³⁾");
        var expectedGradients = Weights(expected.GetProperty("gradients"));
        for (var l = 0; l < weights.Length; l++)
        {
            LessonChecks.AssertClose(expectedGradients[l].Data, gradients[l].Data, QuotedDigitsTolerance, $"∂J/∂Θ⁽{l + 1}⁾");
        }

        // Hidden activations: a one-layer network with Θ⁽¹⁾ alone outputs exactly a⁽²⁾.
        var hidden = new MultilayerPerceptronNetwork([sizes[0], sizes[1]], design.Rows);
        hidden.Forward(design, [weights[0]]);
        LessonChecks.AssertClose(LessonChecks.ToDoubles(expected.GetProperty("hidden_activations")), hidden.Output.Row(0).ToArray(), QuotedDigitsTolerance, "a⁽²⁾");

        // One step Θ ← Θ − α·∂J/∂Θ, then the output and cost the lesson quotes.
        var alpha = check.GetProperty("learning_rate").GetDouble();
        for (var l = 0; l < weights.Length; l++)
        {
            HomemadeML.Engine.Kernels.Kernels.MultiplyAdd(-alpha, gradients[l].Data, weights[l].Data);
        }

        var costAfter = network.CostAndGradient(design, targets, weights, gradients, lambda);
        LessonChecks.AssertClose(expected.GetProperty("output_after_step").GetDouble(), network.Output[0, 0], QuotedDigitsTolerance, "output after the step");
        LessonChecks.AssertClose(expected.GetProperty("cost_after_step").GetDouble(), costAfter, QuotedDigitsTolerance, "cost after the step");
    }

    [Fact]
    public void PythonResult_TwoRings_MatchesEngineBackpropFromSameWeights()
    {
        var python = LessonChecks.RunPython(LessonId);
        var engineCheck = LessonChecks.EngineCheck(LessonId);
        var hyper = engineCheck.GetProperty("hyperparameters");
        var tolerance = engineCheck.GetProperty("relative_tolerance").GetDouble();
        Assert.Equal(0, hyper.GetProperty("batch_size").GetInt32());
        Assert.True(hyper.GetProperty("normalize").GetBoolean());
        var x = LessonChecks.ToMatrix(python.Result.GetProperty("features"));
        var labels = LessonChecks.ToInts(python.Result.GetProperty("labels"));
        var weights = Weights(python.Result.GetProperty("initial_weights"));
        int classCount = labels.Max() + 1;
        int[] sizes = [x.Columns, .. LessonChecks.ToInts(hyper.GetProperty("hidden_layers")), classCount];
        double alpha = hyper.GetProperty("learning_rate").GetDouble(), lambda = hyper.GetProperty("regularization").GetDouble();
        int iterations = hyper.GetProperty("iterations").GetInt32();

        // The same preparation Fit does: training mean and population σ, bias column, one-hot targets.
        var design = FeaturePipeline.Fit(x, new FeatureOptions { Normalize = true }).Transform(x);
        var targets = OneHot.Encode(labels, classCount);
        var network = new MultilayerPerceptronNetwork(sizes, design.Rows);
        var gradients = MultilayerPerceptronNetwork.CreateWeights(sizes);
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            network.CostAndGradient(design, targets, weights, gradients, lambda);
            for (var l = 0; l < weights.Length; l++)
            {
                HomemadeML.Engine.Kernels.Kernels.MultiplyAdd(-alpha, gradients[l].Data, weights[l].Data);
            }
        }

        var finalCost = network.CostAndGradient(design, targets, weights, gradients, lambda);

        LessonChecks.AssertClose(python.Number("final_cost"), finalCost, tolerance, "final cost");
        var trained = Weights(python.Result.GetProperty("trained_weights"));
        for (var l = 0; l < weights.Length; l++)
        {
            LessonChecks.AssertClose(trained[l].Data, weights[l].Data, tolerance, $"trained Θ⁽{l + 1}⁾");
        }

        var correct = Enumerable.Range(0, labels.Length).Count(i => ArgMax(network.Output.Row(i)) == labels[i]);
        Assert.Equal(python.Number("training_accuracy"), (double)correct / labels.Length);
    }

    [Fact]
    public void PythonResult_StartingWeights_AreNotSymmetric()
    {
        // The lesson's point about initialization: no two hidden units may start with identical weights.
        var weights = Weights(LessonChecks.RunPython(LessonId).Result.GetProperty("initial_weights"));
        var rows = Enumerable.Range(0, weights[0].Rows).Select(r => string.Join(',', weights[0].Row(r).ToArray())).ToArray();

        Assert.Equal(rows.Length, rows.Distinct(StringComparer.Ordinal).Count());
    }

    private static Matrix[] Weights(JsonElement layers) => [.. layers.EnumerateArray().Select(LessonChecks.ToMatrix)];

    private static Matrix WithBias(Matrix x)
    {
        var design = new Matrix(x.Rows, x.Columns + 1);
        for (var i = 0; i < x.Rows; i++)
        {
            design[i, 0] = 1;
            x.Row(i).CopyTo(design.Row(i)[1..]);
        }

        return design;
    }

    private static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
            }
        }

        return best;
    }
}
