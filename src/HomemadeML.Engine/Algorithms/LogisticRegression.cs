using HomemadeML.Engine.Features;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Optimization;
using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Algorithms;

/// <summary>
/// Multi-class logistic regression by one-vs-all: for each class k a sigmoid classifier learns
/// "class k or not" by minimizing the regularized cross-entropy Jₖ(θ); prediction takes the class whose
/// classifier is most confident. All K problems are minimized together (see <see cref="LogisticRegressionObjective"/>).
/// </summary>
public sealed class LogisticRegression
{
    /// <summary>Largest accepted class count: Θ has one row per class and a row of scores per example.</summary>
    public const int MaxClassCount = 10_000;

    public LogisticRegression(LogisticRegressionOptions? options = null)
    {
        Options = options ?? new LogisticRegressionOptions();
        Options.Validate();
    }

    public LogisticRegressionOptions Options { get; }

    /// <summary>
    /// Trains on rows of <paramref name="x"/> with class indices <paramref name="labels"/> in 0…classCount − 1, starting
    /// from Θ = 0. Stops on convergence, after <see cref="LogisticRegressionOptions.Iterations"/>, at the wall-time cap, or
    /// (gradient descent with too large a step) on divergence, keeping the last sane Θ.
    /// </summary>
    public LogisticRegressionModel Fit(Matrix x, int[] labels, int classCount, IProgress<TrainingProgress>? progress = null, TrainingLimits? limits = null, CancellationToken cancellationToken = default)
    {
        RequireLabels(x, labels, classCount);
        var features = FeaturePipeline.Fit(x, Options.Features);
        var design = features.Transform(x);
        var objective = new LogisticRegressionObjective(design, labels, classCount, Options.Regularization, limits?.MaxDegreeOfParallelism);
        var monitor = new TrainingMonitor(Options.Iterations, progress, limits, cancellationToken)
        {
            Stage = $"one-vs-all over {classCount} classes ({Options.Optimizer})",
        };

        var histories = new List<double>[classCount];
        int capacity = Math.Min(Options.Iterations, 10_000);
        for (int k = 0; k < classCount; k++)
        {
            histories[k] = new List<double>(capacity);
        }

        var parameters = new double[objective.ParameterCount];
        var result = Optimizer.Minimize(objective.Evaluate, parameters, Options.OptimizerOptions, monitor, (_, _, _) =>
        {
            // The optimizer's last evaluation was at the accepted Θ, so ClassCosts belong to it.
            for (int k = 0; k < classCount; k++)
            {
                histories[k].Add(objective.ClassCosts[k]);
            }
        });

        var theta = new Matrix(classCount, design.Columns, parameters);
        return new LogisticRegressionModel(theta, features, histories, [.. monitor.CostHistory], result.StopReason, result.Iterations);
    }

    /// <summary>The cost J = Σₖ Jₖ and its gradient for Θ (classes × design columns, flattened), for gradient checks.</summary>
    internal static Objective CreateObjective(Matrix design, int[] labels, int classCount, double regularization) =>
        new LogisticRegressionObjective(design, labels, classCount, regularization).Evaluate;

    internal static void RequireLabels(Matrix x, int[] labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (classCount is < 2 or > MaxClassCount)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, $"classCount must be in 2…{MaxClassCount:N0}; got {classCount}.");
        }

        if (x.Rows < 1)
        {
            throw new ArgumentException($"x must have at least 1 row; got {x.Rows}.", nameof(x));
        }

        if (labels.Length != x.Rows)
        {
            throw new ArgumentException($"labels has {labels.Length} values; x has {x.Rows} rows (one label per row).", nameof(labels));
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"labels[{i}] is {labels[i]}; labels must be class indices in 0…{classCount - 1}.");
            }
        }
    }
}
