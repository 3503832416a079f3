using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Tests.LinearAlgebra;

// The threaded path shares a slab counter and pooled packing buffers; several callers at once (k-means restarts,
// a server running trainings side by side) must each still get exactly the single-threaded result.
public sealed class MatrixMultiplyConcurrencyTests
{
    [Fact]
    public void Multiply_ManyConcurrentThreadedCalls_EachMatchesSingleThreaded()
    {
        const int m = 120, k = 90, n = 110;
        var random = new Random(17);
        var a = Enumerable.Range(0, m * k).Select(_ => random.NextDouble() - 0.5).ToArray();
        var b = Enumerable.Range(0, k * n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var expected = new double[m * n];
        MatrixMultiply.Multiply(a, b, expected, m, k, n, maxDegreeOfParallelism: 1);

        var failures = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            var c = new double[m * n];
            for (int repeat = 0; repeat < 25; repeat++)
            {
                MatrixMultiply.Multiply(a, b, c, m, k, n);
                if (!c.AsSpan().SequenceEqual(expected))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });

        Assert.Equal(0, failures);
    }
}
