using static HomemadeML.Engine.Tests.KernelTests.KernelTestData;
using K = HomemadeML.Engine.Kernels.Kernels;

namespace HomemadeML.Engine.Tests.KernelTests;

// These operations round exactly once per element in both the scalar and vector paths (MultiplyAdd uses a fused
// multiply-add in both), so every width must agree with the scalar loop bit for bit.
public sealed class KernelsElementwiseTests
{
    [Theory]
    [MemberData(nameof(Lengths), MemberType = typeof(KernelTestData))]
    public void Add_AllLengths_MatchesScalarReference(int n)
    {
        var x = Uniform(1, n);
        var y = Uniform(2, n);
        var destination = new double[n];
        K.Add(x, y, destination);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(x[i] + y[i], destination[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths), MemberType = typeof(KernelTestData))]
    public void Subtract_AllLengths_MatchesScalarReference(int n)
    {
        var x = Uniform(3, n);
        var y = Uniform(4, n);
        var destination = new double[n];
        K.Subtract(x, y, destination);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(x[i] - y[i], destination[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths), MemberType = typeof(KernelTestData))]
    public void Multiply_AllLengths_MatchesScalarReference(int n)
    {
        var x = Uniform(5, n);
        var y = Uniform(6, n);
        var destination = new double[n];
        K.Multiply(x, y, destination);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(x[i] * y[i], destination[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths), MemberType = typeof(KernelTestData))]
    public void Scale_AllLengths_MatchesScalarReference(int n)
    {
        var x = Uniform(7, n);
        var destination = new double[n];
        K.Scale(-2.75, x, destination);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(-2.75 * x[i], destination[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths), MemberType = typeof(KernelTestData))]
    public void MultiplyAdd_AllLengths_MatchesScalarReference(int n)
    {
        var x = Uniform(8, n);
        var destination = Uniform(9, n);
        var expected = new double[n];
        for (int i = 0; i < n; i++)
        {
            expected[i] = Math.FusedMultiplyAdd(0.3, x[i], destination[i]);
        }

        K.MultiplyAdd(0.3, x, destination);
        Assert.Equal(expected, destination);
    }

    [Theory]
    [MemberData(nameof(Lengths), MemberType = typeof(KernelTestData))]
    public void SigmoidGradient_AllLengths_MatchesScalarReference(int n)
    {
        var a = Uniform(10, n, 0, 1);
        var destination = new double[n];
        K.SigmoidGradient(a, destination);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(a[i] * (1 - a[i]), destination[i]);
        }
    }

    [Fact]
    public void Subtract_InPlace_OverwritesInput()
    {
        var x = Uniform(11, 37);
        var y = Uniform(12, 37);
        var expected = x.Zip(y, (a, b) => a - b).ToArray();
        K.Subtract(x, y, x);
        Assert.Equal(expected, x);
    }

    [Fact]
    public void Scale_InPlace_OverwritesInput()
    {
        var x = Uniform(13, 41);
        var expected = x.Select(v => 0.5 * v).ToArray();
        K.Scale(0.5, x, x);
        Assert.Equal(expected, x);
    }

    [Fact]
    public void Add_NaNAndInfinity_FollowIeeeRules()
    {
        double[] x = [double.NaN, double.PositiveInfinity, double.PositiveInfinity, 1, 2, 3, 4, 5, 6, double.NaN];
        double[] y = [1, 1, double.NegativeInfinity, 1, 1, 1, 1, 1, 1, 1];
        var destination = new double[x.Length];
        K.Add(x, y, destination);
        Assert.True(double.IsNaN(destination[0]));
        Assert.Equal(double.PositiveInfinity, destination[1]);
        Assert.True(double.IsNaN(destination[2]));
        Assert.True(double.IsNaN(destination[9]));
    }

    [Fact]
    public void Add_DestinationTooShort_ThrowsNamingDestination()
    {
        var error = Assert.Throws<ArgumentException>(() => K.Add(new double[9], new double[9], new double[8]));
        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void Add_LengthsDiffer_ThrowsNamingY()
    {
        var error = Assert.Throws<ArgumentException>(() => K.Add(new double[9], new double[8], new double[9]));
        Assert.Equal("y", error.ParamName);
    }

    [Fact]
    public void Subtract_DestinationTooShort_ThrowsNamingDestination()
    {
        var error = Assert.Throws<ArgumentException>(() => K.Subtract(new double[9], new double[9], new double[8]));
        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void Multiply_DestinationTooShort_ThrowsNamingDestination()
    {
        var error = Assert.Throws<ArgumentException>(() => K.Multiply(new double[9], new double[9], new double[8]));
        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void Scale_DestinationTooShort_ThrowsNamingDestination()
    {
        var error = Assert.Throws<ArgumentException>(() => K.Scale(2, new double[9], new double[8]));
        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void MultiplyAdd_DestinationLengthDiffers_ThrowsNamingDestination()
    {
        var error = Assert.Throws<ArgumentException>(() => K.MultiplyAdd(2, new double[9], new double[8]));
        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void SigmoidGradient_DestinationTooShort_ThrowsNamingDestination()
    {
        var error = Assert.Throws<ArgumentException>(() => K.SigmoidGradient(new double[9], new double[8]));
        Assert.Equal("destination", error.ParamName);
    }
}
