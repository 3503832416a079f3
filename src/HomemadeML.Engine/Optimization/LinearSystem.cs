using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Optimization;

/// <summary>
/// Direct solvers for A·x = b with a small dense square A: Cholesky (A = L·Lᵀ) for symmetric positive
/// definite systems such as the normal equation, and LU with partial pivoting for the rest.
/// </summary>
public static class LinearSystem
{
    // The gap between 1 and the next double (C#'s double.Epsilon is the smallest subnormal instead).
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Solves A·x = b for symmetric positive definite A by Cholesky; returns false when A is not positive definite.</summary>
    public static bool TrySolveCholesky(Matrix a, ReadOnlySpan<double> b, Span<double> x)
    {
        int n = RequireSystem(a, b, x);
        var lower = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a.Data[(i * n) + j] - Kernels.Kernels.Dot(lower.AsSpan(i * n, j), lower.AsSpan(j * n, j));
                if (i == j)
                {
                    // A pivot this small relative to its diagonal means A is singular to working precision.
                    if (!(sum > 1e-13 * Math.Abs(a.Data[(i * n) + i])) || !double.IsFinite(sum))
                    {
                        return false;
                    }

                    lower[(i * n) + i] = Math.Sqrt(sum);
                }
                else
                {
                    lower[(i * n) + j] = sum / lower[(j * n) + j];
                }
            }
        }

        // Forward substitution L·z = b, then back substitution Lᵀ·x = z.
        for (int i = 0; i < n; i++)
        {
            x[i] = (b[i] - Kernels.Kernels.Dot(lower.AsSpan(i * n, i), x[..i])) / lower[(i * n) + i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double sum = x[i];
            for (int k = i + 1; k < n; k++)
            {
                sum -= lower[(k * n) + i] * x[k];
            }

            x[i] = sum / lower[(i * n) + i];
        }

        return true;
    }

    /// <summary>Solves A·x = b by LU decomposition with partial pivoting; returns false when A is singular to working precision.</summary>
    public static bool TrySolveLU(Matrix a, ReadOnlySpan<double> b, Span<double> x)
    {
        int n = RequireSystem(a, b, x);
        var lu = (double[])a.Data.Clone();
        b.CopyTo(x);
        double scale = 0;
        foreach (double v in lu)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        for (int column = 0; column < n; column++)
        {
            int pivot = column;
            for (int row = column + 1; row < n; row++)
            {
                if (Math.Abs(lu[(row * n) + column]) > Math.Abs(lu[(pivot * n) + column]))
                {
                    pivot = row;
                }
            }

            double pivotValue = lu[(pivot * n) + column];
            // A pivot below n·ε·max|A| is rounding noise: the matrix is singular to working precision.
            if (!(Math.Abs(pivotValue) > n * MachineEpsilon * scale))
            {
                return false;
            }

            if (pivot != column)
            {
                for (int k = 0; k < n; k++)
                {
                    (lu[(pivot * n) + k], lu[(column * n) + k]) = (lu[(column * n) + k], lu[(pivot * n) + k]);
                }

                (x[pivot], x[column]) = (x[column], x[pivot]);
            }

            for (int row = column + 1; row < n; row++)
            {
                double factor = lu[(row * n) + column] / pivotValue;
                if (factor != 0)
                {
                    Kernels.Kernels.MultiplyAdd(-factor, lu.AsSpan((column * n) + column, n - column), lu.AsSpan((row * n) + column, n - column));
                    x[row] -= factor * x[column];
                }
            }
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double sum = x[i] - Kernels.Kernels.Dot(lu.AsSpan((i * n) + i + 1, n - i - 1), x[(i + 1)..n]);
            x[i] = sum / lu[(i * n) + i];
        }

        return true;
    }

    private static int RequireSystem(Matrix a, ReadOnlySpan<double> b, Span<double> x)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Columns)
        {
            throw new ArgumentException($"a must be square; got {a.Rows}×{a.Columns}.", nameof(a));
        }

        if (b.Length != a.Rows)
        {
            throw new ArgumentException($"b has length {b.Length}; a is {a.Rows}×{a.Rows}.", nameof(b));
        }

        if (x.Length != a.Rows)
        {
            throw new ArgumentException($"x has length {x.Length}; a is {a.Rows}×{a.Rows}.", nameof(x));
        }

        return a.Rows;
    }
}
