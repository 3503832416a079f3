namespace HomemadeML.Engine.LinearAlgebra;

/// <summary>
/// Matrix products in the three forms training needs: C = A·B (forward pass, predictions),
/// C = Aᵀ·B (gradients Xᵀ·δ) and C = A·Bᵀ (back-propagating δ·Wᵀ).
/// With <c>accumulate</c> the product is added to C instead of overwriting it.
/// </summary>
public static class MatrixMultiply
{
    /// <summary>Computes C = A·B (or C += A·B).</summary>
    public static void Multiply(Matrix a, Matrix b, Matrix destination, bool accumulate = false)
    {
        RequireShapes(a.Rows, a.Columns, b.Rows, b.Columns, destination, nameof(b));
        Gemm(a.Data, a.Columns, 1, b.Data, b.Columns, 1, destination, a.Columns, accumulate);
    }

    /// <summary>Computes C = Aᵀ·B (or C += Aᵀ·B) without forming Aᵀ.</summary>
    public static void MultiplyTransposedLeft(Matrix a, Matrix b, Matrix destination, bool accumulate = false)
    {
        RequireShapes(a.Columns, a.Rows, b.Rows, b.Columns, destination, nameof(b));
        Gemm(a.Data, 1, a.Columns, b.Data, b.Columns, 1, destination, a.Rows, accumulate);
    }

    /// <summary>Computes C = A·Bᵀ (or C += A·Bᵀ) without forming Bᵀ.</summary>
    public static void MultiplyTransposedRight(Matrix a, Matrix b, Matrix destination, bool accumulate = false)
    {
        RequireShapes(a.Rows, a.Columns, b.Columns, b.Rows, destination, nameof(b));
        Gemm(a.Data, a.Columns, 1, b.Data, 1, b.Columns, destination, a.Columns, accumulate);
    }

    /// <summary>Allocating convenience form of <see cref="Multiply(Matrix, Matrix, Matrix, bool)"/>.</summary>
    public static Matrix Multiply(Matrix a, Matrix b)
    {
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

    // Row-oriented product: each row of C is a sum of rows of op(B) scaled by op(A)'s entries, so the
    // inner loop is a contiguous, vectorized axpy. op(B) is made row-major once when it is Bᵀ.
    // Rows of C are split across cores when the product is large enough to pay for the threads.
    private static void Gemm(double[] a, int aRowStride, int aColStride, double[] b, int bRowStride, int bColStride, Matrix c, int k, bool accumulate)
    {
        int m = c.Rows, n = c.Columns;
        double[] rowMajorB = b;
        if (bColStride != 1)
        {
            rowMajorB = new double[k * n];
            for (int p = 0; p < k; p++)
            {
                for (int j = 0; j < n; j++)
                {
                    rowMajorB[(p * n) + j] = b[(p * bRowStride) + (j * bColStride)];
                }
            }
        }

        double[] cData = c.Data;
        void ComputeRow(int i)
        {
            var cRow = cData.AsSpan(i * n, n);
            if (!accumulate)
            {
                cRow.Clear();
            }

            for (int p = 0; p < k; p++)
            {
                Kernels.Kernels.MultiplyAdd(a[(i * aRowStride) + (p * aColStride)], rowMajorB.AsSpan(p * n, n), cRow);
            }
        }

        const long ParallelThreshold = 1L << 18;
        if ((long)m * n * k >= ParallelThreshold && m > 1)
        {
            Parallel.For(0, m, ComputeRow);
        }
        else
        {
            for (int i = 0; i < m; i++)
            {
                ComputeRow(i);
            }
        }
    }
}
