namespace HomemadeML.Engine.Metrics;

/// <summary>How far real-valued predictions are from the actual targets.</summary>
public static class RegressionMetrics
{
    /// <summary>Computes MSE = (1/m)·Σᵢ (ŷᵢ − yᵢ)².</summary>
    public static double MeanSquaredError(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        RequirePaired(actual, predicted);
        return Kernels.Kernels.SquaredDistance(actual, predicted) / actual.Length;
    }

    /// <summary>Computes RMSE = √MSE, in the target's own units.</summary>
    public static double RootMeanSquaredError(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted) =>
        Math.Sqrt(MeanSquaredError(actual, predicted));

    /// <summary>
    /// Computes R² = 1 − Σ(yᵢ − ŷᵢ)² / Σ(yᵢ − ȳ)²: the share of the target's variance the predictions explain.
    /// For a constant target it is 1 when the predictions are exact and 0 otherwise (scikit-learn's r2_score does the same).
    /// </summary>
    public static double RSquared(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        RequirePaired(actual, predicted);
        double mean = Kernels.Kernels.Sum(actual) / actual.Length;
        double total = 0;
        foreach (double y in actual)
        {
            total += (y - mean) * (y - mean);
        }

        double residual = Kernels.Kernels.SquaredDistance(actual, predicted);
        if (total == 0)
        {
            return residual == 0 ? 1 : 0;
        }

        return 1 - (residual / total);
    }

    private static void RequirePaired(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
    {
        if (actual.Length == 0)
        {
            throw new ArgumentException("actual must hold at least one value; got none.", nameof(actual));
        }

        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException($"predicted has {predicted.Length} values; actual has {actual.Length}.", nameof(predicted));
        }
    }
}
