namespace HomemadeML.Engine.Optimization;

/// <summary>Settings of <see cref="Optimizer.Minimize"/>; every minimizer reads the ones that apply to it.</summary>
public sealed record OptimizerOptions
{
    /// <summary>Upper bound of <see cref="MaxIterations"/>: keeps a single call from running unbounded.</summary>
    public const int MaxIterationsLimit = 1_000_000;

    /// <summary>Upper bound of <see cref="HistorySize"/>: beyond ~100 pairs L-BFGS only costs memory.</summary>
    public const int MaxHistorySize = 100;

    /// <summary>Default L-BFGS: fewest evaluations per unit of progress of the three on smooth convex costs.</summary>
    public OptimizerKind Kind { get; init; } = OptimizerKind.Lbfgs;

    /// <summary>Most accepted iterations (one iteration = one step, however many evaluations its line search takes).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Gradient-descent step α (unused by the line-search methods). Homemade's linear-regression demo uses 0.01.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>Stop as converged once max|∂J/∂θⱼ| ≤ this. 1e-5 is scipy's <c>gtol</c> default for method='CG'. 0 disables.</summary>
    public double GradientTolerance { get; init; } = 1e-5;

    /// <summary>L-BFGS memory: how many (step, gradient change) pairs shape the curvature estimate (scipy's L-BFGS-B default is 10).</summary>
    public int HistorySize { get; init; } = 10;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (MaxIterations is < 1 or > MaxIterationsLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, $"MaxIterations must be in 1…{MaxIterationsLimit:N0}; got {MaxIterations}.");
        }

        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, $"LearningRate must be a finite number > 0; got {LearningRate}.");
        }

        if (!double.IsFinite(GradientTolerance) || GradientTolerance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(GradientTolerance), GradientTolerance, $"GradientTolerance must be a finite number ≥ 0; got {GradientTolerance}.");
        }

        if (HistorySize is < 1 or > MaxHistorySize)
        {
            throw new ArgumentOutOfRangeException(nameof(HistorySize), HistorySize, $"HistorySize must be in 1…{MaxHistorySize}; got {HistorySize}.");
        }
    }
}
