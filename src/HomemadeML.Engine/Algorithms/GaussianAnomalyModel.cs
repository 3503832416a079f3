using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Algorithms;

/// <summary>The fitted Gaussian: log-density of new rows, and flags below a threshold.</summary>
public sealed class GaussianAnomalyModel
{
    /// <summary>
    /// A feature that never varied in training (σ² = 0) gets this variance instead, relative to the largest one:
    /// any change in it is then very unlikely but still finite, and the other features still count.
    /// </summary>
    public const double RelativeVarianceFloor = 1e-9;

    private readonly double[] _mean;
    private readonly double[] _variance;
    private readonly double[] _effectiveVariance;
    private readonly Matrix? _covariance;
    private readonly Matrix? _choleskyFactor;
    private readonly double _logNormalizer;

    internal GaussianAnomalyModel(double[] mean, double[] variance, Matrix? covariance)
    {
        _mean = mean;
        _variance = variance;
        _covariance = covariance;
        double floor = RelativeVarianceFloor * Math.Max(variance.DefaultIfEmpty(0).Max(), 1e-300);
        _effectiveVariance = [.. variance.Select(v => Math.Max(v, floor))];
        int n = mean.Length;
        if (covariance is null)
        {
            // log p(x) = Σⱼ [−½·log(2πσⱼ²) − (xⱼ − μⱼ)² / (2σⱼ²)]; the first term is the same for every row.
            _logNormalizer = _effectiveVariance.Sum(v => -0.5 * Math.Log(2 * Math.PI * v));
        }
        else
        {
            // Σ = L·Lᵀ; a ridge of the variance floor keeps Σ positive definite when features are collinear.
            _choleskyFactor = Cholesky(covariance, floor);
            double logDeterminant = 0;
            for (int j = 0; j < n; j++)
            {
                logDeterminant += 2 * Math.Log(_choleskyFactor[j, j]);
            }

            _logNormalizer = -0.5 * ((n * Math.Log(2 * Math.PI)) + logDeterminant);
        }
    }

    public IReadOnlyList<double> Mean => _mean;

    /// <summary>Per-feature variance σⱼ² (1/m, as the maximum-likelihood estimate).</summary>
    public IReadOnlyList<double> Variance => _variance;

    /// <summary>The full covariance matrix Σ, when fitted with <see cref="GaussianAnomalyDetectionOptions.FullCovariance"/>.</summary>
    public Matrix? Covariance => _covariance?.Clone();

    public bool FullCovariance => _covariance is not null;

    /// <summary>log p(x) for every row of <paramref name="x"/>.</summary>
    public double[] LogDensity(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int n = _mean.Length;
        if (x.Columns != n)
        {
            throw new ArgumentException($"x has {x.Columns} columns; the model was fitted on {n}.", nameof(x));
        }

        var result = new double[x.Rows];
        var centred = new double[n];
        for (int i = 0; i < x.Rows; i++)
        {
            Kernels.Kernels.Subtract(x.Row(i), _mean, centred);
            double quadratic = 0;
            if (_choleskyFactor is null)
            {
                for (int j = 0; j < n; j++)
                {
                    quadratic += centred[j] * centred[j] / _effectiveVariance[j];
                }
            }
            else
            {
                // (x − μ)ᵀΣ⁻¹(x − μ) = ‖L⁻¹(x − μ)‖²: one forward substitution.
                for (int j = 0; j < n; j++)
                {
                    double sum = centred[j];
                    for (int p = 0; p < j; p++)
                    {
                        sum -= _choleskyFactor[j, p] * centred[p];
                    }

                    centred[j] = sum / _choleskyFactor[j, j];
                    quadratic += centred[j] * centred[j];
                }
            }

            result[i] = _logNormalizer - (0.5 * quadratic);
        }

        return result;
    }

    /// <summary>p(x) itself; underflows to 0 on many features — use <see cref="LogDensity"/> for decisions.</summary>
    public double[] Density(Matrix x) => [.. LogDensity(x).Select(Math.Exp)];

    /// <summary>True for every row whose log-density is below <paramref name="logEpsilon"/> (an anomaly).</summary>
    public bool[] Flag(Matrix x, double logEpsilon) => [.. LogDensity(x).Select(l => l < logEpsilon)];

    private static Matrix Cholesky(Matrix a, double ridge)
    {
        int n = a.Rows;
        for (double extra = 0; ; extra = extra == 0 ? ridge : extra * 10)
        {
            var l = new Matrix(n, n);
            bool positive = true;
            for (int j = 0; j < n && positive; j++)
            {
                double diagonal = a[j, j] + extra;
                for (int p = 0; p < j; p++)
                {
                    diagonal -= l[j, p] * l[j, p];
                }

                if (!(diagonal > 0))
                {
                    positive = false;
                    break;
                }

                l[j, j] = Math.Sqrt(diagonal);
                for (int i = j + 1; i < n; i++)
                {
                    double sum = a[i, j];
                    for (int p = 0; p < j; p++)
                    {
                        sum -= l[i, p] * l[j, p];
                    }

                    l[i, j] = sum / l[j, j];
                }
            }

            if (positive)
            {
                return l;
            }
        }
    }
}
