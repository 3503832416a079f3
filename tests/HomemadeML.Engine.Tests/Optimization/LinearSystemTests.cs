using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Optimization;

namespace HomemadeML.Engine.Tests.Optimization;

public class LinearSystemTests
{
    [Fact]
    public void TrySolveCholesky_SymmetricPositiveDefinite_SolvesToRoundingError()
    {
        var random = new Random(11);
        const int n = 30;
        var b = new Matrix(n, n);
        foreach (ref double v in b.Data.AsSpan())
        {
            v = random.NextDouble() - 0.5;
        }

        // A = BᵀB + I is symmetric positive definite and well conditioned.
        var a = new Matrix(n, n);
        MatrixMultiply.MultiplyTransposedLeft(b, b, a);
        for (int i = 0; i < n; i++)
        {
            a[i, i] += 1;
        }

        var expected = Enumerable.Range(0, n).Select(i => (double)i - 7).ToArray();
        var rhs = MatrixMultiply.Multiply(a, Matrix.ColumnVector(expected)).Data;
        var x = new double[n];
        Assert.True(LinearSystem.TrySolveCholesky(a, rhs, x));
        // Condition number ≤ ~10 here, so 1e-12 relative is ~1e4 ulps of slack.
        Assert.All(Enumerable.Range(0, n), i => Assert.True(Math.Abs(x[i] - expected[i]) < 1e-12 * Math.Max(1, Math.Abs(expected[i]))));
    }

    [Fact]
    public void TrySolveLU_NonSymmetricNeedingPivoting_Solves()
    {
        var a = Matrix.FromRows([[0, 2, 1], [1, 1, 1], [4, -1, 3]]);
        double[] expected = [1, -2, 3];
        var rhs = MatrixMultiply.Multiply(a, Matrix.ColumnVector(expected)).Data;
        var x = new double[3];
        Assert.True(LinearSystem.TrySolveLU(a, rhs, x));
        Assert.All(Enumerable.Range(0, 3), i => Assert.True(Math.Abs(x[i] - expected[i]) < 1e-13));
    }

    [Fact]
    public void TrySolve_SingularMatrix_ReturnsFalse()
    {
        var a = Matrix.FromRows([[1, 2], [2, 4]]);
        var x = new double[2];
        Assert.False(LinearSystem.TrySolveCholesky(a, [1, 2], x));
        Assert.False(LinearSystem.TrySolveLU(a, [1, 2], x));
    }

    [Fact]
    public void TrySolveCholesky_NotSquare_ThrowsNamingA()
    {
        Assert.Throws<ArgumentException>("a", () => LinearSystem.TrySolveCholesky(new Matrix(2, 3), [1, 2], new double[2]));
    }
}
