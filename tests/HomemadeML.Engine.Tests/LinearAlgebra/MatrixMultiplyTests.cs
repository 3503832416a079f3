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

    [Fact]
    public void MultiplyTransposedLeft_MatrixForm_EqualsExplicitTranspose()
    {
        var a = Matrix.FromRows([[1, 2, 3], [4, 5, 6]]);
        var b = Matrix.FromRows([[7, 8], [9, 10]]);
        var c = new Matrix(3, 2);
        MatrixMultiply.MultiplyTransposedLeft(a, b, c);
        Assert.Equal(MatrixMultiply.Multiply(a.Transpose(), b).Data, c.Data);
    }

    [Fact]
    public void MultiplyTransposedRight_MatrixFormAccumulate_AddsExplicitTransposeProduct()
    {
        var a = Matrix.FromRows([[1, 2], [3, 4], [5, 6]]);
        var b = Matrix.FromRows([[7, 8], [9, 10]]);
        var c = Matrix.FromRows([[1, 1], [1, 1], [1, 1]]);
        MatrixMultiply.MultiplyTransposedRight(a, b, c, accumulate: true, maxDegreeOfParallelism: 1);
        var expected = MatrixMultiply.Multiply(a, b.Transpose()).Data.Select(v => v + 1).ToArray();
        Assert.Equal(expected, c.Data);
    }

    [Fact]
    public void Multiply_DestinationWrongShape_ThrowsNamingDestination()
    {
        var ex = Assert.Throws<ArgumentException>("destination", () => MatrixMultiply.Multiply(new Matrix(2, 3), new Matrix(3, 4), new Matrix(2, 3)));
        Assert.Contains("2×4", ex.Message, StringComparison.Ordinal);
    }
}
