using static HomemadeML.Engine.Tests.KernelTests.KernelTestData;
using K = HomemadeML.Engine.Kernels.Kernels;

namespace HomemadeML.Engine.Tests.KernelTests;

public sealed class KernelsRowOperationsTests
{
    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 1)]
    [InlineData(5, 7)]
    [InlineData(13, 21)]
    public void AddRowVector_AnyShape_AddsToEveryRow(int rows, int columns)
    {
        var matrix = Uniform(61, rows * columns);
        var row = Uniform(62, columns);
        var destination = new double[matrix.Length];
        K.AddRowVector(matrix, row, destination);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                Assert.Equal(matrix[(i * columns) + j] + row[j], destination[(i * columns) + j]);
            }
        }
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 1)]
    [InlineData(5, 7)]
    [InlineData(130, 21)]
    public void ColumnSums_AnyShape_MatchesScalarReference(int rows, int columns)
    {
        var matrix = Uniform(63, rows * columns);
        var destination = new double[columns];
        K.ColumnSums(matrix, columns, destination);
        for (int j = 0; j < columns; j++)
        {
            double expected = 0, magnitude = 0;
            for (int i = 0; i < rows; i++)
            {
                expected += matrix[(i * columns) + j];
                magnitude += Math.Abs(matrix[(i * columns) + j]);
            }

            AssertSumClose(expected, destination[j], rows, magnitude);
        }
    }

    [Fact]
    public void ColumnSums_DestinationTooShort_ThrowsNamingDestination()
    {
        var error = Assert.Throws<ArgumentException>(() => K.ColumnSums(new double[12], 4, new double[3]));
        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void ColumnSums_PartialRow_ThrowsNamingMatrix()
    {
        var error = Assert.Throws<ArgumentException>(() => K.ColumnSums(new double[13], 4, new double[4]));
        Assert.Equal("matrix", error.ParamName);
    }

    [Fact]
    public void AddRowVector_DestinationTooShort_ThrowsNamingDestination()
    {
        var error = Assert.Throws<ArgumentException>(() => K.AddRowVector(new double[12], new double[4], new double[11]));
        Assert.Equal("destination", error.ParamName);
    }
}
