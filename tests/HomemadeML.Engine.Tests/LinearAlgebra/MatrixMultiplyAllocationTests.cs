using HomemadeML.Engine.LinearAlgebra;
using K = HomemadeML.Engine.Kernels.Kernels;

namespace HomemadeML.Engine.Tests.LinearAlgebra;

// Training loops call these every iteration; once the per-thread packing buffers exist, a call must not allocate.
public sealed class MatrixMultiplyAllocationTests
{
    [Theory]
    [InlineData(5, 7, 9)]
    [InlineData(70, 300, 90)]
    public void Multiply_SingleThreadedRepeatCall_AllocatesNothing(int m, int k, int n)
    {
        var a = new double[m * k];
        var b = new double[k * n];
        var c = new double[m * n];
        var af = new float[m * k];
        var bf = new float[k * n];
        var cf = new float[m * n];
        var gram = new double[m * m];
        var gradient = new double[k * n];
        void Call()
        {
            MatrixMultiply.Multiply(a, b, c, m, k, n, maxDegreeOfParallelism: 1);
            MatrixMultiply.MultiplyTransposedRight(a, a, gram, m, k, m, accumulate: true, maxDegreeOfParallelism: 1);
            MatrixMultiply.MultiplyTransposedLeft(a, c, gradient, k, m, n, maxDegreeOfParallelism: 1);
            MatrixMultiply.Multiply(af, bf, cf, m, k, n, maxDegreeOfParallelism: 1);
        }

        Call();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Call();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Kernels_RepeatCall_AllocateNothing()
    {
        var x = new double[100];
        var y = new double[100];
        var destination = new double[100];
        void Call()
        {
            K.Sigmoid(x, destination);
            K.MultiplyAdd(0.5, x, destination);
            K.LogClamped(y, destination);
            _ = K.Dot(x, y) + K.SquaredDistance(x, y) + K.Max(x);
        }

        Call();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Call();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
