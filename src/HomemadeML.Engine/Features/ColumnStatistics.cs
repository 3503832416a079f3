using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Features;

/// <summary>
/// Per-column mean and population deviation (NumPy's <c>np.std</c>, ddof = 0) of a training block,
/// the numbers normalization subtracts and divides by. A constant column gets deviation 1, so it maps
/// to exactly 0 instead of dividing by zero (homemade replaces a zero deviation by 1 the same way).
/// </summary>
internal static class ColumnStatistics
{
    /// <summary>Writes the mean and deviation of each of <paramref name="columns"/> columns of a row-major block.</summary>
    public static void Compute(ReadOnlySpan<double> block, int rows, int columns, Span<double> mean, Span<double> deviation)
    {
        mean.Clear();
        if (rows == 0)
        {
            deviation.Fill(1);
            return;
        }

        Span<double> minimum = columns <= 256 ? stackalloc double[columns] : new double[columns];
        Span<double> maximum = columns <= 256 ? stackalloc double[columns] : new double[columns];
        minimum.Fill(double.PositiveInfinity);
        maximum.Fill(double.NegativeInfinity);
        for (int i = 0; i < rows; i++)
        {
            var row = block.Slice(i * columns, columns);
            Kernels.Kernels.MultiplyAdd(1.0, row, mean);
            for (int j = 0; j < columns; j++)
            {
                minimum[j] = Math.Min(minimum[j], row[j]);
                maximum[j] = Math.Max(maximum[j], row[j]);
            }
        }

        Kernels.Kernels.Scale(1.0 / rows, mean, mean);

        // Two passes (mean first, then squared deviations) keep the variance accurate for large offsets.
        deviation.Clear();
        for (int i = 0; i < rows; i++)
        {
            var row = block.Slice(i * columns, columns);
            for (int j = 0; j < columns; j++)
            {
                double d = row[j] - mean[j];
                deviation[j] += d * d;
            }
        }

        for (int j = 0; j < columns; j++)
        {
            if (minimum[j] == maximum[j])
            {
                // Constant column: use the exact value as mean so (x − mean) is exactly 0, and keep deviation 1.
                mean[j] = minimum[j];
                deviation[j] = 1;
            }
            else
            {
                deviation[j] = Math.Sqrt(deviation[j] / rows);
            }
        }
    }

    /// <summary>Throws when <paramref name="x"/> holds NaN or ±∞, naming the first such cell.</summary>
    public static void RequireFinite(Matrix x, string paramName)
    {
        var data = x.Data;
        for (int index = 0; index < data.Length; index++)
        {
            if (!double.IsFinite(data[index]))
            {
                int columns = Math.Max(1, x.Columns);
                throw new ArgumentException(
                    $"{paramName} must hold finite numbers; row {index / columns}, column {index % columns} is {data[index]}.", paramName);
            }
        }
    }
}
