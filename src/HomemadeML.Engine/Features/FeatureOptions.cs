namespace HomemadeML.Engine.Features;

/// <summary>
/// How raw columns become the design matrix, with homemade's <c>prepare_for_training</c> meaning:
/// normalize → add sinusoids → add polynomial terms → put the bias column of ones first.
/// Defaults are homemade's (<c>polynomial_degree=0, sinusoid_degree=0, normalize_data=True</c>).
/// </summary>
public sealed record FeatureOptions
{
    /// <summary>Largest accepted <see cref="PolynomialDegree"/>: degree d adds about d²/2 columns per feature pair and the powers overflow double precision well before 30 on normalized data.</summary>
    public const int MaxPolynomialDegree = 30;

    /// <summary>Largest accepted <see cref="SinusoidDegree"/>: each degree adds one column per feature; homemade's richest demo uses 15.</summary>
    public const int MaxSinusoidDegree = 100;

    /// <summary>Adds the products a^(i−j)·b^j for i = 1…degree, j = 0…i of paired feature columns (0: none). Homemade default 0.</summary>
    public int PolynomialDegree { get; init; }

    /// <summary>Adds sin(k·x) of every feature for k = 1…degree (0: none). Homemade default 0.</summary>
    public int SinusoidDegree { get; init; }

    /// <summary>Rescales every column to mean 0 and deviation 1 with the training statistics. Homemade default true.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (PolynomialDegree is < 0 or > MaxPolynomialDegree)
        {
            throw new ArgumentOutOfRangeException(nameof(PolynomialDegree), PolynomialDegree, $"PolynomialDegree must be in 0…{MaxPolynomialDegree}; got {PolynomialDegree}.");
        }

        if (SinusoidDegree is < 0 or > MaxSinusoidDegree)
        {
            throw new ArgumentOutOfRangeException(nameof(SinusoidDegree), SinusoidDegree, $"SinusoidDegree must be in 0…{MaxSinusoidDegree}; got {SinusoidDegree}.");
        }
    }
}
