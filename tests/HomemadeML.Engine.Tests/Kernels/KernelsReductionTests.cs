using static HomemadeML.Engine.Tests.KernelTests.KernelTestData;
using K = HomemadeML.Engine.Kernels.Kernels;

namespace HomemadeML.Engine.Tests.KernelTests;

public sealed class KernelsReductionTests
{
    [Theory]
    [MemberData(nameof(Lengths), MemberType = typeof(KernelTestData))]
    public void Dot_AllLengths_MatchesScalarReference(int n)
    {
        var x = Uniform(21, n);
        var y = Uniform(22, n);
        double expected = 0, magnitude = 0;
        for (int i = 0; i < n; i++)
        {
            expected += x[i] * y[i];
            magnitude += Math.Abs(x[i] * y[i]);
        }

        AssertSumClose(expected, K.Dot(x, y), n, magnitude);
    }

    [Theory]
    [MemberData(nameof(Lengths), MemberType = typeof(KernelTestData))]
    public void Sum_AllLengths_MatchesScalarReference(int n)
    {
        var x = Uniform(23, n);
        double expected = 0, magnitude = 0;
        for (int i = 0; i < n; i++)
        {
            expected += x[i];
            magnitude += Math.Abs(x[i]);
        }

        AssertSumClose(expected, K.Sum(x), n, magnitude);
    }

    [Theory]
    [MemberData(nameof(Lengths), MemberType = typeof(KernelTestData))]
    public void SumOfSquares_AllLengths_MatchesScalarReference(int n)
    {
        var x = Uniform(24, n);
        double expected = 0;
        for (int i = 0; i < n; i++)
        {
            expected += x[i] * x[i];
        }

        AssertSumClose(expected, K.SumOfSquares(x), n, expected);
    }

    [Theory]
    [MemberData(nameof(Lengths), MemberType = typeof(KernelTestData))]
    public void SquaredDistance_AllLengths_MatchesScalarReference(int n)
    {
        var x = Uniform(25, n);
        var y = Uniform(26, n);
        double expected = 0;
        for (int i = 0; i < n; i++)
        {
            expected += (x[i] - y[i]) * (x[i] - y[i]);
        }

        AssertSumClose(expected, K.SquaredDistance(x, y), n, expected);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(20)]
    [InlineData(67)]
    public void Sum_NaNOrInfinityAnywhere_Propagates(int n)
    {
        for (int at = 0; at < n; at++)
        {
            var x = Uniform(27, n);
            x[at] = double.NaN;
            Assert.True(double.IsNaN(K.Sum(x)));
            x[at] = double.PositiveInfinity;
            Assert.Equal(double.PositiveInfinity, K.Sum(x));
            Assert.Equal(double.PositiveInfinity, K.SumOfSquares(x));
            Assert.Equal(double.PositiveInfinity, K.Dot(x, x));
            Assert.Equal(double.PositiveInfinity, K.SquaredDistance(x, new double[n]));
        }
    }

    [Fact]
    public void Dot_LengthsDiffer_ThrowsNamingY()
    {
        var error = Assert.Throws<ArgumentException>(() => K.Dot(new double[9], new double[8]));
        Assert.Equal("y", error.ParamName);
    }

    [Fact]
    public void SquaredDistance_LengthsDiffer_ThrowsNamingY()
    {
        var error = Assert.Throws<ArgumentException>(() => K.SquaredDistance(new double[9], new double[10]));
        Assert.Equal("y", error.ParamName);
    }
}
