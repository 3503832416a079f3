using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Tests.LinearAlgebra;

public class MatrixMultiplyTests
{
    [Fact]
    public void Multiply_TwoByTwo_MatchesHandComputation()
    {
        var a = Matrix.FromRows([[1, 2], [3, 4]]);
        var b = Matrix.FromRows([[5, 6], [7, 8]]);
        var c = MatrixMultiply.Multiply(a, b);
        Assert.Equal([19, 22, 43, 50], c.Data);
    }

    [Fact]
    public void Multiply_InnerDimensionsDiffer_ThrowsNamingB()
    {
        var a = new Matrix(2, 3);
        var b = new Matrix(2, 3);
        var ex = Assert.Throws<ArgumentException>("b", () => MatrixMultiply.Multiply(a, b, new Matrix(2, 3)));
        Assert.Contains("inner dimensions", ex.Message, StringComparison.Ordinal);
    }
}
