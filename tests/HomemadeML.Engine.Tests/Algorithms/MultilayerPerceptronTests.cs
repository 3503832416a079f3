using System.Diagnostics;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Data;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Metrics;
using HomemadeML.Engine.Optimization;
using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Tests.Algorithms;

public class MultilayerPerceptronTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void CostAndGradient_TwoHiddenLayers_PassesGradientCheck(int rows)
    {
        int[] sizes = [4, 5, 3, 3];
        var (input, targets, _) = RandomProblem(sizes, rows, seed: rows);
        var random = new Random(rows);
        var objective = MultilayerPerceptronNetwork.CreateObjective(sizes, input, targets, lambda: 0.7);
        int parameterCount = MultilayerPerceptronNetwork.CreateWeights(sizes).Sum(w => w.Data.Length);
        var parameters = Enumerable.Range(0, parameterCount).Select(_ => (random.NextDouble() - 0.5) * 1.6).ToArray();
        var check = GradientCheck.Run(objective, parameters);
        // Brief: analytic and central-difference gradients agree to a relative 1e-6.
        Assert.True(check.MaxRelativeDifference < 1e-6, $"max relative difference {check.MaxRelativeDifference:E2} at parameter {check.WorstIndex}");
    }

    [Fact]
    public void CostAndGradient_BatchOfManyTilesAndChunks_MatchesBackPropagationOneExampleAtATime()
    {
        // 2,500 rows: three chunks (the last one short) of 128-row tiles (the last one short), two hidden layers.
        int[] sizes = [30, 9, 6, 4];
        var (input, targets, weights) = RandomProblem(sizes, rows: 2_500, seed: 3);
        var gradients = MultilayerPerceptronNetwork.CreateWeights(sizes);
        double cost = new MultilayerPerceptronNetwork(sizes, input.Rows).CostAndGradient(input, targets, weights, gradients, lambda: 0.4);

        var (expectedCost, expectedGradients) = OneExampleAtATime(sizes, input, targets, weights, lambda: 0.4);
        Assert.Equal(expectedCost, cost, 1e-12 * Math.Abs(expectedCost));
        for (int l = 0; l < weights.Length; l++)
        {
            double scale = expectedGradients[l].Data.Max(Math.Abs);
            for (int i = 0; i < gradients[l].Data.Length; i++)
            {
                Assert.True(Math.Abs(gradients[l].Data[i] - expectedGradients[l].Data[i]) <= 1e-12 * scale, $"∂J/∂Θ⁽{l + 1}⁾ value {i}: {gradients[l].Data[i]:R} vs {expectedGradients[l].Data[i]:R}");
            }
        }
    }

    [Fact]
    public void CostAndGradient_OneCoreOrAll_IsBitIdentical()
    {
        int[] sizes = [50, 12, 3];
        var (input, targets, weights) = RandomProblem(sizes, rows: 5_000, seed: 4);
        var single = MultilayerPerceptronNetwork.CreateWeights(sizes);
        var all = MultilayerPerceptronNetwork.CreateWeights(sizes);
        double singleCost = new MultilayerPerceptronNetwork(sizes, input.Rows, maxDegreeOfParallelism: 1).CostAndGradient(input, targets, weights, single, lambda: 1);
        double allCost = new MultilayerPerceptronNetwork(sizes, input.Rows).CostAndGradient(input, targets, weights, all, lambda: 1);
        Assert.Equal(singleCost, allCost);
        Assert.Equal(single.SelectMany(g => g.Data), all.SelectMany(g => g.Data));
    }

    [Fact]
    public void Fit_Digits_ClassifiesHeldOutImages()
    {
        var split = TrainTestSplit.Create(BuiltInDatasets.Load("digits"), 0.2, seed: 1);
        var options = new MultilayerPerceptronOptions { HiddenLayers = [25], Iterations = 300, LearningRate = 1, Regularization = 1, Seed = 1 };
        var model = new MultilayerPerceptron(options).Fit(split.Train.Features, split.Train.Labels!, 10, cancellationToken: TestContext.Current.CancellationToken);
        double accuracy = ClassificationMetrics.Accuracy(split.Test.Labels, model.Predict(split.Test.Features));
        Assert.True(accuracy >= 0.9, $"test accuracy {accuracy:F3}");
        Assert.True(model.CostHistory[^1] < model.CostHistory[0] / 3, "the cost falls");
        Assert.Equal([64, 25, 10], model.LayerSizes);
    }

    [Fact]
    public void Fit_SameSeed_IsBitIdentical()
    {
        var digits = BuiltInDatasets.Load("digits");
        var options = new MultilayerPerceptronOptions { HiddenLayers = [10, 8], Iterations = 3, BatchSize = 100, Momentum = 0.9, Seed = 5 };
        var first = new MultilayerPerceptron(options).Fit(digits.Features, digits.Labels!, 10, cancellationToken: TestContext.Current.CancellationToken);
        var again = new MultilayerPerceptron(options).Fit(digits.Features, digits.Labels!, 10, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(first.Weights.SelectMany(w => w.Data), again.Weights.SelectMany(w => w.Data));
        Assert.Equal(first.CostHistory, again.CostHistory);
    }

    [Fact]
    public void Fit_HugeLearningRate_EndsDivergedWithFiniteWeights()
    {
        var digits = BuiltInDatasets.Load("digits");
        var model = new MultilayerPerceptron(new() { LearningRate = 1e9, Iterations = 50 })
            .Fit(digits.Features, digits.Labels!, 10, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(StopReason.Diverged, model.StopReason);
        Assert.All(model.Weights.SelectMany(w => w.Data), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Fit_MiniBatchHugeLearningRate_EndsDivergedWithFiniteWeights()
    {
        var digits = BuiltInDatasets.Load("digits");
        var model = new MultilayerPerceptron(new() { LearningRate = 1e9, Iterations = 50, BatchSize = 32 })
            .Fit(digits.Features, digits.Labels!, 10, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(StopReason.Diverged, model.StopReason);
        Assert.All(model.Weights.SelectMany(w => w.Data), v => Assert.True(double.IsFinite(v)));
        Assert.All(model.CostHistory, c => Assert.True(double.IsFinite(c)));
    }

    [Fact]
    public void Fit_Cancelled_ThrowsPromptly()
    {
        var digits = BuiltInDatasets.Load("digits");
        using var cancellation = new CancellationTokenSource();
        var progress = new CallbackProgress(p => { if (p.Step >= 2) { cancellation.Cancel(); } });
        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new MultilayerPerceptron(new() { Iterations = 100_000 }).Fit(digits.Features, digits.Labels!, 10, progress, cancellationToken: cancellation.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Fit_WallTimeCap_ReturnsTheModelMarkedCutShort()
    {
        var digits = BuiltInDatasets.Load("digits");
        var model = new MultilayerPerceptron(new() { Iterations = 1_000_000 })
            .Fit(digits.Features, digits.Labels!, 10, limits: new TrainingLimits { MaxWallTime = TimeSpan.FromMilliseconds(300) }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(StopReason.TimeLimitReached, model.StopReason);
        Assert.InRange(model.IterationsRun, 1, 999_999);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_HiddenLayerOfSizeZeroOrLess_ThrowsNamingHiddenLayers(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>("HiddenLayers", () => new MultilayerPerceptron(new() { HiddenLayers = [size] }));

    [Fact]
    [Trait("Category", "Slow")]
    public void Fit_FashionMnist_ReachesEightyFivePercentOnTheTestSet()
    {
        var split = BuiltInDatasets.LoadFashionMnist();
        var options = new MultilayerPerceptronOptions
        {
            HiddenLayers = [64], BatchSize = 128, LearningRate = 0.1, Momentum = 0.9, Regularization = 0.01, Iterations = 8, Seed = 1,
        };
        var clock = Stopwatch.StartNew();
        var model = new MultilayerPerceptron(options).Fit(split.Train.Features, split.Train.Labels!, 10, cancellationToken: TestContext.Current.CancellationToken);
        var trainingTime = clock.Elapsed;
        double accuracy = ClassificationMetrics.Accuracy(split.Test.Labels, model.Predict(split.Test.Features));
        TestContext.Current.TestOutputHelper?.WriteLine($"Fashion-MNIST MLP [784, 64, 10], 8 epochs of 128-row mini-batches: test accuracy {accuracy:F4}, training {trainingTime.TotalSeconds:F1} s");
        Assert.True(accuracy >= 0.85, $"test accuracy {accuracy:F4} after {trainingTime.TotalSeconds:F1} s");
    }

    private sealed class CallbackProgress(Action<TrainingProgress> onReport) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => onReport(value);
    }

    private static (Matrix Input, Matrix Targets, Matrix[] Weights) RandomProblem(int[] sizes, int rows, int seed)
    {
        var random = new Random(seed);
        var input = new Matrix(rows, sizes[0] + 1);
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            input[i, 0] = 1;
            for (int j = 1; j < input.Columns; j++)
            {
                input[i, j] = (2 * random.NextDouble()) - 1;
            }

            labels[i] = random.Next(sizes[^1]);
        }

        var weights = MultilayerPerceptronNetwork.CreateWeights(sizes);
        foreach (var w in weights)
        {
            for (int i = 0; i < w.Data.Length; i++)
            {
                w.Data[i] = (random.NextDouble() - 0.5) * 1.2;
            }
        }

        return (input, OneHot.Encode(labels, sizes[^1]), weights);
    }

    /// <summary>Homemade's back-propagation, one example at a time with scalar loops: the reference for the batched network.</summary>
    private static (double Cost, Matrix[] Gradients) OneExampleAtATime(int[] sizes, Matrix input, Matrix targets, Matrix[] weights, double lambda)
    {
        int m = input.Rows, layers = sizes.Length;
        var sums = MultilayerPerceptronNetwork.CreateWeights(sizes);
        double logLikelihood = 0;
        for (int i = 0; i < m; i++)
        {
            var activations = new double[layers][];
            activations[0] = input.Row(i).ToArray();
            for (int l = 1; l < layers; l++)
            {
                bool hidden = l < layers - 1;
                var a = new double[hidden ? sizes[l] + 1 : sizes[l]];
                int offset = hidden ? 1 : 0; // hidden layers lead with the bias unit
                if (hidden)
                {
                    a[0] = 1;
                }

                for (int u = 0; u < sizes[l]; u++)
                {
                    double z = 0;
                    for (int j = 0; j < activations[l - 1].Length; j++)
                    {
                        z += weights[l - 1][u, j] * activations[l - 1][j];
                    }

                    a[u + offset] = 1 / (1 + Math.Exp(-z));
                }

                activations[l] = a;
            }

            var delta = new double[sizes[^1]];
            for (int k = 0; k < delta.Length; k++)
            {
                double h = activations[^1][k], y = targets[i, k];
                logLikelihood += (y * Math.Log(h)) + ((1 - y) * Math.Log(1 - h));
                delta[k] = h - y;
            }

            for (int l = layers - 2; l >= 0; l--)
            {
                for (int u = 0; u < sizes[l + 1]; u++)
                {
                    for (int j = 0; j < activations[l].Length; j++)
                    {
                        sums[l][u, j] += delta[u] * activations[l][j];
                    }
                }

                if (l == 0)
                {
                    break;
                }

                var previous = new double[sizes[l]];
                for (int j = 0; j < previous.Length; j++)
                {
                    double back = 0;
                    for (int u = 0; u < sizes[l + 1]; u++)
                    {
                        back += weights[l][u, j + 1] * delta[u];
                    }

                    double a = activations[l][j + 1];
                    previous[j] = back * a * (1 - a);
                }

                delta = previous;
            }
        }

        double penalty = 0;
        for (int l = 0; l < weights.Length; l++)
        {
            for (int u = 0; u < weights[l].Rows; u++)
            {
                for (int j = 0; j < weights[l].Columns; j++)
                {
                    sums[l][u, j] /= m;
                    if (j > 0)
                    {
                        sums[l][u, j] += lambda / m * weights[l][u, j];
                        penalty += weights[l][u, j] * weights[l][u, j];
                    }
                }
            }
        }

        return ((-logLikelihood / m) + (lambda / (2.0 * m) * penalty), sums);
    }
}
