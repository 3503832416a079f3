using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Data;

/// <summary>
/// Seeded generators for the teaching situations the built-in files do not cover. Each draws from
/// <see cref="Random"/>(seed), which gives the same sequence for the same seed on a given .NET version,
/// so the same seed always gives a bit-identical dataset.
/// </summary>
public static class SyntheticData
{
    /// <summary>y = 2.5·x + 4 + noise (σ = 2) for x uniform in [0, 10): univariate linear regression.</summary>
    public static Dataset NoisyLine(int seed, int rows = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        var random = new Random(seed);
        var x = new Matrix(rows, 1);
        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            x.Data[i] = 10 * random.NextDouble();
            y[i] = (2.5 * x.Data[i]) + 4 + (2 * Normal(random));
        }

        return new Dataset
        {
            Name = "noisy-line", Description = $"{rows} points on y = 2.5·x + 4 with Gaussian noise (σ = 2); seeded synthetic data for univariate linear regression.",
            Features = x, FeatureNames = ["x"], Targets = y, TargetName = "y",
        };
    }

    /// <summary>y = sin(x) + 0.1·x² − 0.5·x + noise (σ = 0.3) for x uniform in [−5, 5): a curve a straight line cannot follow.</summary>
    public static Dataset NonlinearCurve(int seed, int rows = 120)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        var random = new Random(seed);
        var x = new Matrix(rows, 1);
        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            double v = (10 * random.NextDouble()) - 5;
            x.Data[i] = v;
            y[i] = Math.Sin(v) + (0.1 * v * v) - (0.5 * v) + (0.3 * Normal(random));
        }

        return new Dataset
        {
            Name = "nonlinear-curve", Description = $"{rows} points on y = sin(x) + 0.1·x² − 0.5·x with noise (σ = 0.3); needs polynomial or sinusoid features.",
            Features = x, FeatureNames = ["x"], Targets = y, TargetName = "y",
        };
    }

    /// <summary>
    /// Two tests of a chip; a chip passes (class 1) inside a wobbly ring boundary r = 0.62 + 0.12·sin(3θ), and a quarter of
    /// the chips within 0.15 of that boundary have their label flipped (noise):
    /// a two-class problem that needs a non-linear boundary, like homemade's microchips data.
    /// </summary>
    public static Dataset Microchips(int seed, int rows = 118)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        var random = new Random(seed);
        var x = new Matrix(rows, 2);
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            double a = (2 * random.NextDouble()) - 1, b = (2 * random.NextDouble()) - 1;
            x[i, 0] = a;
            x[i, 1] = b;
            double radius = 0.62 + (0.12 * Math.Sin(3 * Math.Atan2(b, a)));
            double distance = Math.Sqrt((a * a) + (b * b)) - radius;
            bool inside = distance < 0;
            if (Math.Abs(distance) < 0.15 && random.NextDouble() < 0.25)
            {
                inside = !inside;
            }

            labels[i] = inside ? 1 : 0;
        }

        return new Dataset
        {
            Name = "microchips", Description = $"{rows} chips with two test scores in [−1, 1]; class 1 (accepted) lies inside a wobbly ring, with label noise near the boundary.",
            Features = x, FeatureNames = ["test 1", "test 2"], Labels = labels, ClassNames = ["rejected", "accepted"], TargetName = "accepted",
        };
    }

    /// <summary>Four Gaussian blobs in 2-D (σ = 0.8 around fixed centres), with the blob each point came from as its label.</summary>
    public static Dataset Blobs(int seed, int rows = 300)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        double[][] centres = [[-4, -3], [3, -3], [0, 4], [5, 3]];
        var random = new Random(seed);
        var x = new Matrix(rows, 2);
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            int blob = i % centres.Length;
            labels[i] = blob;
            x[i, 0] = centres[blob][0] + (0.8 * Normal(random));
            x[i, 1] = centres[blob][1] + (0.8 * Normal(random));
        }

        return new Dataset
        {
            Name = "blobs", Description = $"{rows} points in four Gaussian blobs (σ = 0.8) in 2-D; the true blob is kept as a label to score clusters.",
            Features = x, FeatureNames = ["x1", "x2"], Labels = labels, ClassNames = ["blob 0", "blob 1", "blob 2", "blob 3"], TargetName = "blob",
        };
    }

    /// <summary>
    /// Latency (ms) and throughput (MB/s) of 307 server readings: 300 healthy ones around (14 ms, 15 MB/s) with
    /// σ ≈ (1.2, 1.4), and 7 anomalies 3.5–7 σ away in a random direction (labels 0 normal, 1 anomaly).
    /// The nearest anomalies sit where the healthy tail thins out, so a threshold has to be chosen, not read off.
    /// </summary>
    public static Dataset ServerMetrics(int seed, int normalRows = 300, int anomalies = 7)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(normalRows, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(anomalies);
        var random = new Random(seed);
        int rows = normalRows + anomalies;
        var x = new Matrix(rows, 2);
        var labels = new int[rows];
        for (int i = 0; i < normalRows; i++)
        {
            x[i, 0] = 14 + (1.2 * Normal(random));
            x[i, 1] = 15 + (1.4 * Normal(random));
        }

        for (int i = normalRows; i < rows; i++)
        {
            // Slow, stalled or saturated servers: 3.5–7 standard deviations out. Beyond 3.5 σ a 2-D Gaussian holds
            // e^(−3.5²/2) ≈ 0.2% of healthy readings, so about one healthy reading in 300 looks as odd as the mildest anomaly.
            double angle = 2 * Math.PI * random.NextDouble(), reach = 3.5 + (3.5 * random.NextDouble());
            x[i, 0] = 14 + (1.2 * reach * Math.Cos(angle));
            x[i, 1] = 15 + (1.4 * reach * Math.Sin(angle));
            labels[i] = 1;
        }

        var order = Enumerable.Range(0, rows).ToArray();
        random.Shuffle(order);
        var data = new Dataset
        {
            Name = "server-metrics", Description = $"{rows} server readings (latency ms, throughput MB/s), {anomalies} of them labelled anomalies; seeded synthetic data for Gaussian anomaly detection.",
            Features = x, FeatureNames = ["latency (ms)", "throughput (MB/s)"], Labels = labels, ClassNames = ["normal", "anomaly"], TargetName = "anomaly",
        };
        return data.WithRows(order);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    internal static double Normal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
