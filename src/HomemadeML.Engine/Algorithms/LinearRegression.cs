using HomemadeML.Engine.Features;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Optimization;
using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Algorithms;

using HomemadeML.Engine.Kernels;

/// <summary>
/// Linear regression trained by batch gradient descent on
/// J(θ) = 1/(2m)·(‖Xθ − y‖² + λ·Σⱼ≥₁ θⱼ²), or solved in one step by the normal equation.
/// </summary>
public sealed class LinearRegression
{
    public LinearRegression(LinearRegressionOptions? options = null)
    {
        Options = options ?? new LinearRegressionOptions();
        Options.Validate();
    }

    public LinearRegressionOptions Options { get; }

    /// <summary>
    /// Runs <see cref="LinearRegressionOptions.Iterations"/> gradient steps θ ← θ − (α/m)·(Xᵀ(Xθ − y) + λ·θ̃)
    /// from θ = 0 (θ̃ is θ with the bias entry zeroed). A learning rate that makes the cost explode ends with
    /// <see cref="StopReason.Diverged"/> and the last θ before the explosion.
    /// </summary>
    public LinearRegressionModel Fit(Matrix x, double[] y, IProgress<TrainingProgress>? progress = null, TrainingLimits? limits = null, CancellationToken cancellationToken = default)
    {
        RequireTargets(x, y);
        var features = FeaturePipeline.Fit(x, Options.Features);
        var design = features.Transform(x);
        int m = design.Rows, n = design.Columns;
        double alpha = Options.LearningRate, lambda = Options.Regularization;
        var monitor = new TrainingMonitor(Options.Iterations, progress, limits, cancellationToken) { Stage = "gradient descent" };
        var theta = new Matrix(n, 1);
        var previousTheta = new double[n];
        var predictions = new Matrix(m, 1);
        var residual = new Matrix(m, 1);
        var gradient = new Matrix(n, 1);
        var stopReason = StopReason.CompletedIterations;
        int iterationsRun = Options.Iterations;

        // lesson-snippet-start: linear-regression
        // δ = Xθ − y: how far each prediction is from its target.
        MatrixMultiply.Multiply(design, theta, predictions);
        Kernels.Subtract(predictions.Data, y, residual.Data);
        for (int iteration = 1; iteration <= Options.Iterations; iteration++)
        {
            // ∂J/∂θ = (1/m)·(Xᵀδ + λθ), with the bias θ₀ left out of the penalty.
            MatrixMultiply.MultiplyTransposedLeft(design, residual, gradient);
            theta.Data.CopyTo(previousTheta, 0);
            for (int j = 0; j < n; j++)
            {
                double penalty = j == 0 ? 0 : lambda * theta.Data[j];
                theta.Data[j] -= alpha / m * (gradient.Data[j] + penalty);
            }

            // J(θ) = 1/(2m)·(‖Xθ − y‖² + λ·Σⱼ≥₁ θⱼ²) at the new θ.
            MatrixMultiply.Multiply(design, theta, predictions);
            Kernels.Subtract(predictions.Data, y, residual.Data);
            double cost = (Kernels.SumOfSquares(residual.Data) + (lambda * Kernels.SumOfSquares(theta.Data.AsSpan(1)))) / (2.0 * m);
            if (monitor.ShouldStop(iteration, cost, out stopReason, recordCost: double.IsFinite(cost)))
            {
                iterationsRun = iteration;
                if (stopReason == StopReason.Diverged)
                {
                    // The step overshot: keep the last θ whose cost was still sane.
                    previousTheta.CopyTo(theta.Data, 0);
                    iterationsRun = iteration - 1;
                }

                break;
            }
        }
        // lesson-snippet-end: linear-regression

        return new LinearRegressionModel(theta.Data, features, lambda, [.. monitor.CostHistory], stopReason, iterationsRun);
    }

    /// <summary>
    /// Solves the normal equation (XᵀX + λ·L)·θ = Xᵀy directly (L is the identity with L₀₀ = 0, so the bias is
    /// not penalized): Cholesky, falling back to LU when rounding makes XᵀX + λL lose definiteness.
    /// Uses the feature settings and λ of <paramref name="options"/>; learning rate and iterations do not apply.
    /// </summary>
    public static LinearRegressionModel SolveNormalEquation(Matrix x, double[] y, LinearRegressionOptions? options = null)
    {
        options ??= new LinearRegressionOptions();
        options.Validate();
        RequireTargets(x, y);
        var features = FeaturePipeline.Fit(x, options.Features);
        var design = features.Transform(x);
        int n = design.Columns;
        var normal = new Matrix(n, n);
        MatrixMultiply.MultiplyTransposedLeft(design, design, normal);
        for (int j = 1; j < n; j++)
        {
            normal[j, j] += options.Regularization;
        }

        var right = new Matrix(n, 1);
        MatrixMultiply.MultiplyTransposedLeft(design, new Matrix(y.Length, 1, y), right);
        var theta = new double[n];
        if (!LinearSystem.TrySolveCholesky(normal, right.Data, theta) && !LinearSystem.TrySolveLU(normal, right.Data, theta))
        {
            throw new ArgumentException(
                $"x gives a {n}-column design matrix whose columns are linearly dependent (a constant feature, a duplicated column, or polynomial terms that repeat a feature), " +
                $"so XᵀX + λL is singular with λ = {options.Regularization}; use Regularization > 0 or remove the dependent columns.", nameof(x));
        }

        double cost = Cost(design, y, theta, options.Regularization);
        return new LinearRegressionModel(theta, features, options.Regularization, [cost], StopReason.Converged, 0);
    }

    /// <summary>Computes J(θ) = 1/(2m)·(‖Xθ − y‖² + λ·Σⱼ≥₁ θⱼ²) for a design matrix X.</summary>
    internal static double Cost(Matrix design, ReadOnlySpan<double> y, double[] theta, double lambda)
    {
        var predictions = new Matrix(design.Rows, 1);
        MatrixMultiply.Multiply(design, new Matrix(theta.Length, 1, theta), predictions);
        double squaredError = Kernels.SquaredDistance(predictions.Data, y);
        return (squaredError + (lambda * Kernels.SumOfSquares(theta.AsSpan(1)))) / (2.0 * design.Rows);
    }

    internal static void RequireTargets(Matrix x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows < 1)
        {
            throw new ArgumentException($"x must have at least 1 row; got {x.Rows}.", nameof(x));
        }

        if (y.Length != x.Rows)
        {
            throw new ArgumentException($"y has {y.Length} values; x has {x.Rows} rows (one target per row).", nameof(y));
        }

        for (int i = 0; i < y.Length; i++)
        {
            if (!double.IsFinite(y[i]))
            {
                throw new ArgumentException($"y must hold finite numbers; y[{i}] is {y[i]}.", nameof(y));
            }
        }
    }
}
