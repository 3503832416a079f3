namespace HomemadeML.Engine.LinearAlgebra;

// Span forms over row-major storage, in double and float. op(A) is m×k, op(B) is k×n, C is m×n.
// The destination must not overlap either input.
public static partial class MatrixMultiply
{
    /// <summary>Computes C = A·B (or C += A·B) for row-major A (m×k), B (k×n) and C (m×n).</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination, int m, int k, int n, bool accumulate = false, int maxDegreeOfParallelism = 0)
    {
        Validate(a.Length, b.Length, destination.Length, m, k, n, maxDegreeOfParallelism);
        RequireNoOverlap(a, b, destination);
        Run(a, k, 1, b, n, 1, destination, m, k, n, accumulate, maxDegreeOfParallelism);
    }

    /// <summary>Computes C = A·B (or C += A·B) for row-major A (m×k), B (k×n) and C (m×n).</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination, int m, int k, int n, bool accumulate = false, int maxDegreeOfParallelism = 0)
    {
        Validate(a.Length, b.Length, destination.Length, m, k, n, maxDegreeOfParallelism);
        RequireNoOverlap(a, b, destination);
        Run(a, k, 1, b, n, 1, destination, m, k, n, accumulate, maxDegreeOfParallelism);
    }

    /// <summary>Computes C = Aᵀ·B (or C += Aᵀ·B) for row-major A (k×m), B (k×n) and C (m×n).</summary>
    public static void MultiplyTransposedLeft(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination, int m, int k, int n, bool accumulate = false, int maxDegreeOfParallelism = 0)
    {
        Validate(a.Length, b.Length, destination.Length, m, k, n, maxDegreeOfParallelism);
        RequireNoOverlap(a, b, destination);
        Run(a, 1, m, b, n, 1, destination, m, k, n, accumulate, maxDegreeOfParallelism);
    }

    /// <summary>Computes C = Aᵀ·B (or C += Aᵀ·B) for row-major A (k×m), B (k×n) and C (m×n).</summary>
    public static void MultiplyTransposedLeft(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination, int m, int k, int n, bool accumulate = false, int maxDegreeOfParallelism = 0)
    {
        Validate(a.Length, b.Length, destination.Length, m, k, n, maxDegreeOfParallelism);
        RequireNoOverlap(a, b, destination);
        Run(a, 1, m, b, n, 1, destination, m, k, n, accumulate, maxDegreeOfParallelism);
    }

    /// <summary>Computes C = A·Bᵀ (or C += A·Bᵀ) for row-major A (m×k), B (n×k) and C (m×n).</summary>
    public static void MultiplyTransposedRight(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination, int m, int k, int n, bool accumulate = false, int maxDegreeOfParallelism = 0)
    {
        Validate(a.Length, b.Length, destination.Length, m, k, n, maxDegreeOfParallelism);
        RequireNoOverlap(a, b, destination);
        Run(a, k, 1, b, 1, k, destination, m, k, n, accumulate, maxDegreeOfParallelism);
    }

    /// <summary>Computes C = A·Bᵀ (or C += A·Bᵀ) for row-major A (m×k), B (n×k) and C (m×n).</summary>
    public static void MultiplyTransposedRight(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination, int m, int k, int n, bool accumulate = false, int maxDegreeOfParallelism = 0)
    {
        Validate(a.Length, b.Length, destination.Length, m, k, n, maxDegreeOfParallelism);
        RequireNoOverlap(a, b, destination);
        Run(a, k, 1, b, 1, k, destination, m, k, n, accumulate, maxDegreeOfParallelism);
    }

    /// <summary>Computes C = A·Bᵀ (or C += A·Bᵀ) for row-major A (m×k) and a B (n×k) packed beforehand.</summary>
    internal static unsafe void MultiplyTransposedRight(ReadOnlySpan<double> a, PackedTransposedOperand b, Span<double> destination, int m, bool accumulate = false, int maxDegreeOfParallelism = 0)
    {
        int k = b.Columns, n = b.Rows;
        Validate(a.Length, b.Source.Length, destination.Length, m, k, n, maxDegreeOfParallelism);
        RequireNoOverlap(a, b.Source, destination);
        fixed (double* pa = a)
        fixed (double* pb = b.Source)
        fixed (double* pc = destination)
        {
            BlockedGemm<double>.Run(new(pa, k, 1), new(pb, 1, k), pc, m, k, n, accumulate, maxDegreeOfParallelism, b.Panels);
        }
    }

    private static unsafe void Run<T>(ReadOnlySpan<T> a, nint aRowStride, nint aColumnStride, ReadOnlySpan<T> b, nint bRowStride, nint bColumnStride, Span<T> destination, int m, int k, int n, bool accumulate, int maxDegreeOfParallelism)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        // Pinned for the duration of the call only; worker threads finish before it returns.
        fixed (T* pa = a)
        fixed (T* pb = b)
        fixed (T* pc = destination)
        {
            BlockedGemm<T>.Run(new(pa, aRowStride, aColumnStride), new(pb, bRowStride, bColumnStride), pc, m, k, n, accumulate, maxDegreeOfParallelism);
        }
    }

    private static void Validate(int aLength, int bLength, int destinationLength, int m, int k, int n, int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "maxDegreeOfParallelism must be 0 or −1 (all cores) or a positive thread count.");
        }

        RequireLength(aLength, (long)m * k, "a");
        RequireLength(bLength, (long)k * n, "b");
        RequireLength(destinationLength, (long)m * n, "destination");
    }

    private static void RequireLength(int actual, long needed, string name)
    {
        if (actual < needed)
        {
            throw new ArgumentException($"{name} has length {actual}; the shapes need at least {needed} values.", name);
        }
    }

    private static void RequireNoOverlap<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> destination)
    {
        if (destination.Overlaps(a) || destination.Overlaps(b))
        {
            throw new ArgumentException("destination overlaps an input; the product needs a separate output buffer.", nameof(destination));
        }
    }
}
