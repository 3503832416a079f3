// Not "Tests.Kernels": that namespace would hide HomemadeML.Engine.Kernels from sibling test namespaces.
namespace HomemadeML.Engine.Tests.KernelTests;

/// <summary>Seeded inputs and tolerances shared by the kernel tests.</summary>
internal static class KernelTestData
{
    /// <summary>Every length from 0 to 256 covers empty input, pure scalar tails, one or more full
    /// Vector256/Vector512 blocks and every tail length after them.</summary>
    public static TheoryData<int> Lengths()
    {
        var data = new TheoryData<int>();
        for (int n = 0; n <= 256; n++)
        {
            data.Add(n);
        }

        return data;
    }

    public static double[] Uniform(int seed, int length, double min = -1, double max = 1)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = min + ((max - min) * random.NextDouble());
        }

        return values;
    }

    /// <summary>
    /// A sum of n terms in any order is within γₙ·Σ|termᵢ| of the exact sum, γₙ ≈ n·ε (Higham, Accuracy and
    /// Stability of Numerical Algorithms, §4.2); vector lanes change the order, so this bounds both results.
    /// </summary>
    public static void AssertSumClose(double expected, double actual, int n, double sumOfMagnitudes)
    {
        double bound = (2.0 * Math.Max(n, 1) * Math.Pow(2, -52) * sumOfMagnitudes);
        Assert.True(Math.Abs(expected - actual) <= bound, $"n={n}: expected {expected:R}, got {actual:R} (bound {bound:R}).");
    }
}
