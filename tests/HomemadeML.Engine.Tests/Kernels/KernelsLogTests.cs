using static HomemadeML.Engine.Tests.KernelTests.KernelTestData;
using K = HomemadeML.Engine.Kernels.Kernels;

namespace HomemadeML.Engine.Tests.KernelTests;

public sealed class KernelsLogTests
{
    // The BCL's vector Log and Math.Log are each within about 1 ulp; near x = 1 the result approaches 0, so the
    // comparison allows a few ulps of the inputs' scale (absolute 1e-15) on top of the relative 1e-14.
    private const double RelativeTolerance = 1e-14;
    private const double AbsoluteTolerance = 1e-15;

    [Theory]
    [MemberData(nameof(Lengths), MemberType = typeof(KernelTestData))]
    public void LogClamped_AllLengths_MatchesScalarReference(int n)
    {
        var x = Uniform(41, n, 0, 10);
        var destination = new double[n];
        K.LogClamped(x, destination);
        for (int i = 0; i < n; i++)
        {
            double expected = Math.Log(x[i]);
            Assert.True(
                Math.Abs(destination[i] - expected) <= AbsoluteTolerance + (RelativeTolerance * Math.Abs(expected)),
                $"log({x[i]:R}): expected {expected:R}, got {destination[i]:R}.");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(17)]
    public void LogClamped_ZeroNegativeNaNAndInfinity_AreGuarded(int copies)
    {
        double[] specials = [0, -1, double.NaN, double.PositiveInfinity, 1e-320, double.NegativeInfinity, 1];
        var x = Enumerable.Repeat(specials, copies).SelectMany(s => s).ToArray();
        var destination = new double[x.Length];
        K.LogClamped(x, destination);
        double floor = Math.Log(K.LogFloor);
        for (int i = 0; i < x.Length; i += specials.Length)
        {
            Assert.Equal(floor, destination[i], 1e-12);
            Assert.Equal(floor, destination[i + 1], 1e-12);
            Assert.True(double.IsNaN(destination[i + 2]));
            Assert.Equal(double.PositiveInfinity, destination[i + 3]);
            Assert.Equal(floor, destination[i + 4], 1e-12);
            Assert.Equal(floor, destination[i + 5], 1e-12);
            Assert.Equal(0.0, destination[i + 6]);
        }
    }

    [Fact]
    public void LogClamped_DestinationTooShort_ThrowsNamingDestination()
    {
        var error = Assert.Throws<ArgumentException>(() => K.LogClamped(new double[9], new double[8]));
        Assert.Equal("destination", error.ParamName);
    }
}
