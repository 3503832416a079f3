namespace HomemadeML.Engine.LinearAlgebra;

/// <summary>
/// A dense, row-major matrix of doubles. Element (i, j) lives at <c>Data[i * Columns + j]</c>,
/// so a row is one contiguous span — the shape every kernel and the matrix multiply expect.
/// </summary>
public sealed class Matrix
{
    public Matrix(int rows, int columns)
        : this(rows, columns, new double[checked(ValidateShape(rows, columns))])
    {
    }

    /// <summary>Wraps <paramref name="data"/> (not copied) as a rows × columns matrix.</summary>
    public Matrix(int rows, int columns, double[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int length = ValidateShape(rows, columns);
        if (data.Length != length)
        {
            throw new ArgumentException($"data has {data.Length} elements; a {rows}×{columns} matrix needs {length}.", nameof(data));
        }

        Rows = rows;
        Columns = columns;
        Data = data;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>The row-major storage (length Rows × Columns).</summary>
    public double[] Data { get; }

    public ref double this[int row, int column]
    {
        get
        {
            if ((uint)row >= (uint)Rows)
            {
                throw new ArgumentOutOfRangeException(nameof(row), row, $"row must be in 0…{Rows - 1}.");
            }

            if ((uint)column >= (uint)Columns)
            {
                throw new ArgumentOutOfRangeException(nameof(column), column, $"column must be in 0…{Columns - 1}.");
            }

            return ref Data[(row * Columns) + column];
        }
    }

    public Span<double> Row(int row) => Data.AsSpan(row * Columns, Columns);

    public Span<double> AsSpan() => Data.AsSpan();

    public static Matrix FromRows(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int columns = rows.Count == 0 ? 0 : rows[0].Length;
        var matrix = new Matrix(rows.Count, columns);
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != columns)
            {
                throw new ArgumentException($"row {i} has {rows[i].Length} values; row 0 has {columns}.", nameof(rows));
            }

            rows[i].CopyTo(matrix.Row(i));
        }

        return matrix;
    }

    /// <summary>A column vector (n × 1) holding a copy of <paramref name="values"/>.</summary>
    public static Matrix ColumnVector(ReadOnlySpan<double> values)
    {
        var matrix = new Matrix(values.Length, 1);
        values.CopyTo(matrix.Data);
        return matrix;
    }

    public Matrix Clone() => new(Rows, Columns, (double[])Data.Clone());

    public double[] Column(int column)
    {
        if ((uint)column >= (uint)Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"column must be in 0…{Columns - 1}.");
        }

        var values = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            values[i] = Data[(i * Columns) + column];
        }

        return values;
    }

    /// <summary>A new matrix made of the given rows, in the given order.</summary>
    public Matrix SelectRows(ReadOnlySpan<int> rowIndices)
    {
        var result = new Matrix(rowIndices.Length, Columns);
        for (int i = 0; i < rowIndices.Length; i++)
        {
            Row(rowIndices[i]).CopyTo(result.Row(i));
        }

        return result;
    }

    /// <summary>A new matrix made of the given columns, in the given order.</summary>
    public Matrix SelectColumns(ReadOnlySpan<int> columnIndices)
    {
        var result = new Matrix(Rows, columnIndices.Length);
        for (int i = 0; i < Rows; i++)
        {
            var source = Row(i);
            var destination = result.Row(i);
            for (int j = 0; j < columnIndices.Length; j++)
            {
                destination[j] = source[columnIndices[j]];
            }
        }

        return result;
    }

    public Matrix Transpose()
    {
        var result = new Matrix(Columns, Rows);
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < Columns; j++)
            {
                result.Data[(j * Rows) + i] = Data[(i * Columns) + j];
            }
        }

        return result;
    }

    public override string ToString() => $"Matrix {Rows}×{Columns}";

    private static int ValidateShape(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        return checked(rows * columns);
    }
}
