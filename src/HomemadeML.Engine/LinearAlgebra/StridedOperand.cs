namespace HomemadeML.Engine.LinearAlgebra;

/// <summary>
/// A read-only matrix view: element (i, j) lives at Data[i·RowStride + j·ColumnStride]. A row-major matrix has
/// strides (columns, 1); its transpose, viewed without copying, has strides (1, columns).
/// </summary>
internal readonly unsafe struct StridedOperand<T>(T* data, nint rowStride, nint columnStride)
    where T : unmanaged
{
    public T* Data { get; } = data;

    public nint RowStride { get; } = rowStride;

    public nint ColumnStride { get; } = columnStride;

    public T this[nint row, nint column] => Data[(row * RowStride) + (column * ColumnStride)];

    /// <summary>The view starting at (row, column).</summary>
    public StridedOperand<T> Offset(nint row, nint column) => new(Data + (row * RowStride) + (column * ColumnStride), RowStride, ColumnStride);
}
