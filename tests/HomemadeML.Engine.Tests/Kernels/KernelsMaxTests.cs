using static HomemadeML.Engine.Tests.KernelTests.KernelTestData;
using K = HomemadeML.Engine.Kernels.Kernels;

namespace HomemadeML.Engine.Tests.KernelTests;

public sealed class KernelsMaxTests
{
    [Theory]
    [MemberData(nameof(Lengths), MemberType = typeof(KernelTestData))]
    public void Max_AllLengths_MatchesScalarReference(int n)
    {
        if (n == 0)
        {
            return;
        }

        var x = Uniform(51, n, -100, 100);
        Assert.Equal(x.Max(), K.Max(x));
        Assert.Equal(Array.IndexOf(x, x.Max()), K.ArgMax(x));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    [InlineData(40)]
    public void Max_NaNAnywhere_ReturnsNaNAndItsIndex(int n)
    {
        for (int at = 0; at < n; at++)
        {
            var x = Uniform(52, n);
            x[at] = double.NaN;
            Assert.True(double.IsNaN(K.Max(x)));
            Assert.Equal(at, K.ArgMax(x));
        }
    }

    [Fact]
    public void ArgMax_Ties_ReturnsFirstIndex()
    {
        double[] x = [1, 3, 2, 3, double.NegativeInfinity];
        Assert.Equal(1, K.ArgMax(x));
        Assert.Equal(3, K.Max(x));
    }

    [Fact]
    public void Max_AllNegativeInfinity_ReturnsNegativeInfinity()
    {
        var x = Enumerable.Repeat(double.NegativeInfinity, 19).ToArray();
        Assert.Equal(double.NegativeInfinity, K.Max(x));
        Assert.Equal(0, K.ArgMax(x));
    }

    [Fact]
    public void Max_Empty_ThrowsNamingX()
    {
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => K.Max([])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => K.ArgMax([])).ParamName);
    }
}
