namespace HomemadeML.Engine.Kernels;

public static partial class Kernels
{
    /// <summary>
    /// Treats <paramref name="matrix"/> as row-major with rowVector.Length columns and computes
    /// destination[i, j] = matrix[i, j] + rowVectorⱼ (adding a bias to every example). matrix may be the destination.
    /// </summary>
    public static void AddRowVector(ReadOnlySpan<double> matrix, ReadOnlySpan<double> rowVector, Span<double> destination)
    {
        int columns = rowVector.Length;
        RequireWholeRows(matrix.Length, columns, nameof(matrix));
        RequireDestination(matrix.Length, destination.Length);
        for (int start = 0; start < matrix.Length; start += columns)
        {
            Add(matrix.Slice(start, columns), rowVector, destination.Slice(start, columns));
        }
    }

    /// <summary>
    /// Treats <paramref name="matrix"/> as row-major with <paramref name="columns"/> columns and computes
    /// destinationⱼ = Σᵢ matrix[i, j] (for example the bias gradient Σ over examples of δ).
    /// </summary>
    public static void ColumnSums(ReadOnlySpan<double> matrix, int columns, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        RequireWholeRows(matrix.Length, columns, nameof(matrix));
        RequireDestination(columns, destination.Length);
        var sums = destination[..columns];
        sums.Clear();
        if (columns == 0)
        {
            return;
        }

        // Row by row keeps the reads contiguous; each row is one vectorized add.
        for (int start = 0; start < matrix.Length; start += columns)
        {
            Add(sums, matrix.Slice(start, columns), sums);
        }
    }

    private static void RequireWholeRows(int length, int columns, string name)
    {
        if (columns == 0 ? length != 0 : length % columns != 0)
        {
            throw new ArgumentException($"{name} has length {length}, which is not a whole number of rows of {columns} columns.", name);
        }
    }
}
