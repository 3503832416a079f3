using HomemadeML.Engine.Features;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Algorithms;

/// <summary>
/// A trained linear regression: ŷ = θ·[1, features(x)], with the feature pipeline (training statistics)
/// it was trained with. Immutable.
/// </summary>
public sealed class LinearRegressionModel
{
    private readonly double[] _theta;

    internal LinearRegressionModel(double[] theta, FeaturePipeline features, double regularization, IReadOnlyList<double> costHistory, StopReason stopReason, int iterationsRun)
    {
        _theta = theta;
        Features = features;
        Regularization = regularization;
        CostHistory = costHistory;
        StopReason = stopReason;
        IterationsRun = iterationsRun;
    }

    /// <summary>θ, one weight per design-matrix column; θ₀ is the bias.</summary>
    public IReadOnlyList<double> Theta => _theta;

    /// <summary>The fitted feature pipeline; <see cref="FeaturePipeline.ColumnNames"/> names each θ.</summary>
    public FeaturePipeline Features { get; }

    /// <summary>The λ the model was trained with (used by <see cref="Cost"/>).</summary>
    public double Regularization { get; }

    /// <summary>J(θ) after each gradient step (a single value for the normal equation).</summary>
    public IReadOnlyList<double> CostHistory { get; }

    public StopReason StopReason { get; }

    public int IterationsRun { get; }

    /// <summary>Computes ŷ = X·θ for the design matrix X of <paramref name="x"/>.</summary>
    public double[] Predict(Matrix x)
    {
        var design = Features.Transform(x);
        var predictions = new Matrix(design.Rows, 1);
        MatrixMultiply.Multiply(design, new Matrix(_theta.Length, 1, _theta), predictions);
        return predictions.Data;
    }

    /// <summary>Computes J(θ) = 1/(2m)·(‖Xθ − y‖² + λ·Σⱼ≥₁ θⱼ²) on <paramref name="x"/>, <paramref name="y"/> with the training λ.</summary>
    public double Cost(Matrix x, double[] y)
    {
        LinearRegression.RequireTargets(x, y);
        return LinearRegression.Cost(Features.Transform(x), y, _theta, Regularization);
    }
}
