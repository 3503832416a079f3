using HomemadeML.Engine.Features;
using HomemadeML.Engine.Optimization;

namespace HomemadeML.Engine.Algorithms;

/// <summary>Settings of <see cref="LogisticRegression"/>. Defaults follow homemade's iris (linear boundary) demo.</summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>Upper bound of <see cref="Iterations"/>: keeps one request from running unbounded.</summary>
    public const int MaxIterations = 1_000_000;

    /// <summary>
    /// Gradient-descent step α, used only with <see cref="OptimizerKind.GradientDescent"/> (homemade has none: it uses
    /// scipy's CG). 0.5 is stable on normalized features, where the logistic cost's curvature is at most ¼ per unit feature.
    /// </summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>Most optimizer iterations per run. Homemade iris demo: <c>max_iterations = 1000</c>.</summary>
    public int Iterations { get; init; } = 1000;

    /// <summary>L2 penalty λ on every θ except the biases. Homemade iris demo: <c>regularization_param = 0</c>.</summary>
    public double Regularization { get; init; }

    /// <summary>See <see cref="FeatureOptions.PolynomialDegree"/>. Homemade iris demo: 0 (microchips demo: 5).</summary>
    public int PolynomialDegree { get; init; }

    /// <summary>See <see cref="FeatureOptions.SinusoidDegree"/>. Homemade demos: 0.</summary>
    public int SinusoidDegree { get; init; }

    /// <summary>See <see cref="FeatureOptions.Normalize"/>. Homemade's multivariate demos: <c>normalize_data = True</c>.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>
    /// The minimizer. L-BFGS by default: it reaches a given cost in fewer evaluations than homemade's conjugate
    /// gradient on these convex problems; <see cref="OptimizerKind.GradientDescent"/> is there for teaching.
    /// </summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Lbfgs;

    /// <summary>Stop once max|∂J/∂θ| ≤ this (0 disables). 1e-5 is scipy's <c>gtol</c> default for homemade's CG.</summary>
    public double GradientTolerance { get; init; } = 1e-5;

    /// <summary>The feature settings these options imply.</summary>
    public FeatureOptions Features => new() { PolynomialDegree = PolynomialDegree, SinusoidDegree = SinusoidDegree, Normalize = Normalize };

    /// <summary>The optimizer settings these options imply.</summary>
    public OptimizerOptions OptimizerOptions => new()
    {
        Kind = Optimizer,
        MaxIterations = Iterations,
        LearningRate = LearningRate,
        GradientTolerance = GradientTolerance,
    };

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (!double.IsFinite(LearningRate) || LearningRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, $"LearningRate must be a finite number > 0; got {LearningRate}.");
        }

        if (Iterations is < 1 or > MaxIterations)
        {
            throw new ArgumentOutOfRangeException(nameof(Iterations), Iterations, $"Iterations must be in 1…{MaxIterations:N0}; got {Iterations}.");
        }

        if (!double.IsFinite(Regularization) || Regularization < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Regularization), Regularization, $"Regularization must be a finite number ≥ 0; got {Regularization}.");
        }

        if (!Enum.IsDefined(Optimizer))
        {
            throw new ArgumentOutOfRangeException(nameof(Optimizer), Optimizer, $"Optimizer must be one of {string.Join(", ", Enum.GetNames<OptimizerKind>())}; got {Optimizer}.");
        }

        if (!double.IsFinite(GradientTolerance) || GradientTolerance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(GradientTolerance), GradientTolerance, $"GradientTolerance must be a finite number ≥ 0; got {GradientTolerance}.");
        }

        Features.Validate();
    }
}
