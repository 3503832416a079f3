using HomemadeML.Engine.Features;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Algorithms;

using HomemadeML.Engine.Kernels;

/// <summary>
/// A trained one-vs-all logistic regression: one θ row per class, P(class k | x) ≈ g(θₖ·[1, features(x)]),
/// and the feature pipeline with its training statistics. Immutable.
/// </summary>
public sealed class LogisticRegressionModel
{
    private readonly Matrix _theta;

    internal LogisticRegressionModel(Matrix theta, FeaturePipeline features, IReadOnlyList<IReadOnlyList<double>> costHistories, IReadOnlyList<double> costHistory, StopReason stopReason, int iterationsRun)
    {
        _theta = theta;
        Features = features;
        CostHistories = costHistories;
        CostHistory = costHistory;
        StopReason = stopReason;
        IterationsRun = iterationsRun;
    }

    /// <summary>A copy of Θ: classes × design columns; row k is class k's θ, column 0 its bias.</summary>
    public Matrix Theta => _theta.Clone();

    public int ClassCount => _theta.Rows;

    public FeaturePipeline Features { get; }

    /// <summary>Jₖ after each iteration, one list per class.</summary>
    public IReadOnlyList<IReadOnlyList<double>> CostHistories { get; }

    /// <summary>Σₖ Jₖ after each iteration (what the optimizer minimized).</summary>
    public IReadOnlyList<double> CostHistory { get; }

    public StopReason StopReason { get; }

    public int IterationsRun { get; }

    /// <summary>Computes g(X·Θᵀ): row i holds each class's one-vs-all probability for example i (rows need not sum to 1).</summary>
    public Matrix PredictProbabilities(Matrix x)
    {
        var design = Features.Transform(x);
        var probabilities = new Matrix(design.Rows, ClassCount);
        MatrixMultiply.MultiplyTransposedRight(design, _theta, probabilities);
        Kernels.Sigmoid(probabilities.Data, probabilities.Data);
        return probabilities;
    }

    /// <summary>The most probable class of each row (argmax over <see cref="PredictProbabilities"/>; ties go to the lower index).</summary>
    public int[] Predict(Matrix x)
    {
        var probabilities = PredictProbabilities(x);
        var classes = new int[probabilities.Rows];
        for (int i = 0; i < classes.Length; i++)
        {
            var row = probabilities.Row(i);
            int best = 0;
            for (int k = 1; k < row.Length; k++)
            {
                if (row[k] > row[best])
                {
                    best = k;
                }
            }

            classes[i] = best;
        }

        return classes;
    }
}
