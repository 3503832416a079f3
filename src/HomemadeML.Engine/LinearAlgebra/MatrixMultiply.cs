namespace HomemadeML.Engine.LinearAlgebra;

/// <summary>
/// Matrix products in the three forms training needs: C = A·B (forward pass, predictions),
/// C = Aᵀ·B (gradients Xᵀ·δ) and C = A·Bᵀ (back-propagating δ·Wᵀ).
/// With <c>accumulate</c> the product is added to C instead of overwriting it.
/// <c>maxDegreeOfParallelism</c> caps the worker threads: 0 or −1 means all cores, 1 keeps the call on the caller's thread.
/// Large products run the cache-blocked, packed, register-tiled kernel in <see cref="BlockedGemm{T}"/>.
/// </summary>
public static partial class MatrixMultiply
{
    /// <summary>Computes C = A·B (or C += A·B).</summary>
    public static void Multiply(Matrix a, Matrix b, Matrix destination, bool accumulate = false, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(destination);
        RequireShapes(a.Rows, a.Columns, b.Rows, b.Columns, destination, nameof(b));
        Multiply(a.Data, b.Data, destination.Data, a.Rows, a.Columns, b.Columns, accumulate, maxDegreeOfParallelism);
    }

    /// <summary>Computes C = Aᵀ·B (or C += Aᵀ·B) without forming Aᵀ.</summary>
    public static void MultiplyTransposedLeft(Matrix a, Matrix b, Matrix destination, bool accumulate = false, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(destination);
        RequireShapes(a.Columns, a.Rows, b.Rows, b.Columns, destination, nameof(b));
        MultiplyTransposedLeft(a.Data, b.Data, destination.Data, a.Columns, a.Rows, b.Columns, accumulate, maxDegreeOfParallelism);
    }

    /// <summary>Computes C = A·Bᵀ (or C += A·Bᵀ) without forming Bᵀ.</summary>
    public static void MultiplyTransposedRight(Matrix a, Matrix b, Matrix destination, bool accumulate = false, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(destination);
        RequireShapes(a.Rows, a.Columns, b.Columns, b.Rows, destination, nameof(b));
        MultiplyTransposedRight(a.Data, b.Data, destination.Data, a.Rows, a.Columns, b.Rows, accumulate, maxDegreeOfParallelism);
    }

    /// <summary>Allocating convenience form of <see cref="Multiply(Matrix, Matrix, Matrix, bool, int)"/>: returns A·B.</summary>
    public static Matrix Multiply(Matrix a, Matrix b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var c = new Matrix(a.Rows, b.Columns);
        Multiply(a, b, c);
        return c;
    }

    private static void RequireShapes(int m, int k, int kB, int n, Matrix destination, string bName)
    {
        if (k != kB)
        {
            throw new ArgumentException($"inner dimensions differ: {m}×{k} times {kB}×{n}.", bName);
        }

        if (destination.Rows != m || destination.Columns != n)
        {
            throw new ArgumentException($"destination is {destination.Rows}×{destination.Columns}; the product is {m}×{n}.", nameof(destination));
        }
    }
}
