using HomemadeML.Engine.Data;
using HomemadeML.Engine.Features;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Algorithms;

/// <summary>
/// A fully connected network of sigmoid units trained by back-propagation and gradient descent, full-batch as
/// homemade does or on shuffled mini-batches. Each class has one output unit; the highest output wins.
/// </summary>
public sealed class MultilayerPerceptron
{
    public MultilayerPerceptron(MultilayerPerceptronOptions? options = null)
    {
        Options = options ?? new MultilayerPerceptronOptions();
        Options.Validate();
    }

    public MultilayerPerceptronOptions Options { get; }

    public MultilayerPerceptronModel Fit(Matrix x, int[] labels, int classCount, IProgress<TrainingProgress>? progress = null, TrainingLimits? limits = null, CancellationToken cancellationToken = default)
    {
        RequireData(x, labels, classCount);
        var features = FeaturePipeline.Fit(x, new FeatureOptions { Normalize = Options.Normalize });
        var design = features.Transform(x);
        var targets = OneHot.Encode(labels, classCount);
        int[] sizes = [x.Columns, .. Options.HiddenLayers, classCount];
        var random = new Random(Options.Seed);
        var weights = MultilayerPerceptronNetwork.CreateWeights(sizes);
        foreach (var w in weights)
        {
            for (int i = 0; i < w.Data.Length; i++)
            {
                w.Data[i] = ((2 * random.NextDouble()) - 1) * Options.InitEpsilon;
            }
        }

        var monitor = new TrainingMonitor(Options.Iterations, progress, limits, cancellationToken)
        {
            Stage = Options.BatchSize > 0 ? $"mini-batches of {Options.BatchSize}" : "full-batch gradient descent",
        };
        var (stopReason, iterationsRun) = Options.BatchSize > 0 && Options.BatchSize < x.Rows
            ? TrainMiniBatch(sizes, design, targets, weights, random, monitor, limits?.MaxDegreeOfParallelism)
            : TrainFullBatch(sizes, design, targets, weights, monitor, limits?.MaxDegreeOfParallelism);
        return new MultilayerPerceptronModel(sizes, weights, features, [.. monitor.CostHistory], stopReason, iterationsRun);
    }

    private (StopReason, int) TrainFullBatch(int[] sizes, Matrix design, Matrix targets, Matrix[] weights, TrainingMonitor monitor, int? maxDegreeOfParallelism)
    {
        var network = new MultilayerPerceptronNetwork(sizes, design.Rows, maxDegreeOfParallelism);
        var step = new Stepper(weights, Options.LearningRate, Options.Momentum);
        for (int iteration = 1; iteration <= Options.Iterations; iteration++)
        {
            double cost = network.CostAndGradient(design, targets, weights, step.Gradients, Options.Regularization);
            if (monitor.ShouldStop(iteration, cost, out var reason, recordCost: double.IsFinite(cost)))
            {
                if (reason == StopReason.Diverged)
                {
                    step.Undo(weights);
                }

                return (reason, iteration - 1);
            }

            step.Apply(weights);
        }

        return (StopReason.CompletedIterations, Options.Iterations);
    }

    private (StopReason, int) TrainMiniBatch(int[] sizes, Matrix design, Matrix targets, Matrix[] weights, Random random, TrainingMonitor monitor, int? maxDegreeOfParallelism)
    {
        int m = design.Rows, batch = Options.BatchSize;
        var step = new Stepper(weights, Options.LearningRate, Options.Momentum);
        var full = new BatchBuffers(sizes, batch, design.Columns, targets.Columns, maxDegreeOfParallelism);
        BatchBuffers? remainder = m % batch == 0 ? null : new BatchBuffers(sizes, m % batch, design.Columns, targets.Columns, maxDegreeOfParallelism);
        var order = Enumerable.Range(0, m).ToArray();
        for (int epoch = 1; epoch <= Options.Iterations; epoch++)
        {
            random.Shuffle(order);
            double costSum = 0;
            for (int start = 0; start < m; start += batch)
            {
                var buffers = start + batch <= m ? full : remainder!;
                buffers.Gather(design, targets, order.AsSpan(start, buffers.Rows));
                double cost = buffers.Network.CostAndGradient(buffers.Input, buffers.Targets, weights, step.Gradients, Options.Regularization);
                if (!double.IsFinite(cost))
                {
                    step.Undo(weights);
                    monitor.ShouldStop(epoch, cost, out _, recordCost: false);
                    return (StopReason.Diverged, epoch - 1);
                }

                if (monitor.TimeIsUp())
                {
                    return (StopReason.TimeLimitReached, epoch - 1);
                }

                costSum += cost * buffers.Rows;
                step.Apply(weights);
            }

            // The epoch's cost: the mean over its batches, each measured just before its own step.
            if (monitor.ShouldStop(epoch, costSum / m, out var reason))
            {
                return (reason, epoch);
            }
        }

        return (StopReason.CompletedIterations, Options.Iterations);
    }

    private static void RequireData(Matrix x, int[] labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (classCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, $"classCount must be at least 2; got {classCount}.");
        }

        if (x.Rows < 1 || labels.Length != x.Rows)
        {
            throw new ArgumentException($"labels has {labels.Length} values; x has {x.Rows} rows (one label per row, at least one row).", nameof(labels));
        }

        int badLabel = Array.FindIndex(labels, l => l < 0 || l >= classCount);
        if (badLabel >= 0)
        {
            throw new ArgumentException($"labels[{badLabel}] is {labels[badLabel]}; labels must be in 0…{classCount - 1}.", nameof(labels));
        }

        // Non-finite x is refused by FeaturePipeline.Fit, with the cell named.
    }

    /// <summary>Gradient-descent steps with optional momentum, remembering the weights before the last step.</summary>
    private sealed class Stepper(Matrix[] weights, double learningRate, double momentum)
    {
        private readonly Matrix[] _velocity = [.. weights.Select(w => new Matrix(w.Rows, w.Columns))];
        private readonly Matrix[] _previous = [.. weights.Select(w => w.Clone())];

        public Matrix[] Gradients { get; } = [.. weights.Select(w => new Matrix(w.Rows, w.Columns))];

        public void Apply(Matrix[] current)
        {
            for (int l = 0; l < current.Length; l++)
            {
                current[l].Data.CopyTo(_previous[l].Data, 0);
                if (momentum == 0)
                {
                    Kernels.Kernels.MultiplyAdd(-learningRate, Gradients[l].Data, current[l].Data);
                    continue;
                }

                // v ← β·v − α·∇J; Θ ← Θ + v
                Kernels.Kernels.Scale(momentum, _velocity[l].Data, _velocity[l].Data);
                Kernels.Kernels.MultiplyAdd(-learningRate, Gradients[l].Data, _velocity[l].Data);
                Kernels.Kernels.MultiplyAdd(1.0, _velocity[l].Data, current[l].Data);
            }
        }

        public void Undo(Matrix[] current)
        {
            for (int l = 0; l < current.Length; l++)
            {
                _previous[l].Data.CopyTo(current[l].Data, 0);
            }
        }
    }

    /// <summary>A batch's rows copied out of the shuffled data, with the network sized for them.</summary>
    private sealed class BatchBuffers(int[] sizes, int rows, int inputColumns, int classes, int? maxDegreeOfParallelism)
    {
        public int Rows => rows;

        public Matrix Input { get; } = new(rows, inputColumns);

        public Matrix Targets { get; } = new(rows, classes);

        public MultilayerPerceptronNetwork Network { get; } = new(sizes, rows, maxDegreeOfParallelism);

        public void Gather(Matrix design, Matrix targets, ReadOnlySpan<int> rowIndices)
        {
            for (int i = 0; i < rowIndices.Length; i++)
            {
                design.Row(rowIndices[i]).CopyTo(Input.Row(i));
                targets.Row(rowIndices[i]).CopyTo(Targets.Row(i));
            }
        }
    }
}
