using HomemadeML.Engine.Features;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Algorithms;

/// <summary>Settings of <see cref="GaussianAnomalyDetection"/>.</summary>
public sealed record GaussianAnomalyDetectionOptions
{
    /// <summary>
    /// False (homemade's model): one Gaussian per feature, features treated as independent.
    /// True: one multivariate Gaussian with the full covariance matrix, which sees correlated features.
    /// </summary>
    public bool FullCovariance { get; init; }
}

/// <summary>
/// Fits a Gaussian to normal behaviour: per-feature μⱼ and σⱼ² (or μ and Σ), so that p(x) is the density of a new
/// row and a row with p(x) &lt; ε is flagged. Everything is computed as log p(x): on hundreds of features the
/// product of densities underflows to exactly 0 in doubles.
/// </summary>
public sealed class GaussianAnomalyDetection
{
    public GaussianAnomalyDetection(GaussianAnomalyDetectionOptions? options = null) => Options = options ?? new();

    public GaussianAnomalyDetectionOptions Options { get; }

    public GaussianAnomalyModel Fit(Matrix x, IProgress<TrainingProgress>? progress = null, TrainingLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows < 2)
        {
            throw new ArgumentException($"x must have at least 2 rows to estimate a variance; got {x.Rows}.", nameof(x));
        }

        ColumnStatistics.RequireFinite(x, nameof(x));

        var monitor = new TrainingMonitor(1, progress, limits, cancellationToken) { Stage = "estimating μ and σ²" };
        int m = x.Rows, n = x.Columns;
        var mean = new double[n];
        var variance = new double[n];

        // lesson-snippet-start: anomaly-detection
        // μⱼ = (1/m)·Σᵢ xⱼ(i)
        for (int i = 0; i < m; i++)
        {
            Kernels.Kernels.MultiplyAdd(1.0, x.Row(i), mean);
        }

        Kernels.Kernels.Scale(1.0 / m, mean, mean);

        // σⱼ² = (1/m)·Σᵢ (xⱼ(i) − μⱼ)²
        for (int i = 0; i < m; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < n; j++)
            {
                double d = row[j] - mean[j];
                variance[j] += d * d;
            }
        }

        Kernels.Kernels.Scale(1.0 / m, variance, variance);
        // lesson-snippet-end: anomaly-detection

        Matrix? covariance = null;
        if (Options.FullCovariance)
        {
            covariance = new Matrix(n, n);
            var centred = new Matrix(m, n);
            for (int i = 0; i < m; i++)
            {
                Kernels.Kernels.Subtract(x.Row(i), mean, centred.Row(i));
            }

            MatrixMultiply.MultiplyTransposedLeft(centred, centred, covariance);
            Kernels.Kernels.Scale(1.0 / m, covariance.Data, covariance.Data);
        }

        monitor.ShouldStop(1, 0, out _, recordCost: false);
        return new GaussianAnomalyModel(mean, variance, covariance);
    }
}
