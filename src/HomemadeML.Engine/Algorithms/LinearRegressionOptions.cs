using HomemadeML.Engine.Features;

namespace HomemadeML.Engine.Algorithms;

/// <summary>Settings of <see cref="LinearRegression"/>. Defaults are homemade's univariate linear-regression demo.</summary>
public sealed record LinearRegressionOptions
{
    /// <summary>Upper bound of <see cref="Iterations"/>: keeps one request from running unbounded.</summary>
    public const int MaxIterations = 1_000_000;

    /// <summary>Gradient-descent step α. Homemade demo: <c>learning_rate = 0.01</c>.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>Gradient-descent steps. Homemade demo: <c>num_iterations = 500</c>.</summary>
    public int Iterations { get; init; } = 500;

    /// <summary>L2 penalty λ on θ₁…θₙ (never on the bias θ₀). Homemade demo: <c>regularization_param = 0</c>.</summary>
    public double Regularization { get; init; }

    /// <summary>See <see cref="FeatureOptions.PolynomialDegree"/>. Homemade demo: 0.</summary>
    public int PolynomialDegree { get; init; }

    /// <summary>See <see cref="FeatureOptions.SinusoidDegree"/>. Homemade demo: 0.</summary>
    public int SinusoidDegree { get; init; }

    /// <summary>See <see cref="FeatureOptions.Normalize"/>. Homemade's <c>LinearRegression</c> default: true.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>The feature settings these options imply.</summary>
    public FeatureOptions Features => new() { PolynomialDegree = PolynomialDegree, SinusoidDegree = SinusoidDegree, Normalize = Normalize };

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

        Features.Validate();
    }
}
