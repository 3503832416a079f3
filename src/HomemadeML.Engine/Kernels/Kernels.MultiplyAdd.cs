using System.Runtime.Intrinsics;
using HomemadeML.Engine.Kernels.Operators;

namespace HomemadeML.Engine.Kernels;

public static partial class Kernels
{
    /// <summary>Computes destinationᵢ += alpha·xᵢ (BLAS axpy), fused so every width rounds once per element.</summary>
    public static void MultiplyAdd(double alpha, ReadOnlySpan<double> x, Span<double> destination)
    {
        RequireSameLength(x.Length, destination.Length, nameof(destination));
        KernelDrivers.Transform(new MultiplyAddOperator(alpha), x, destination, destination);
    }

    // op(x, d) = alpha·x + d with one rounding (FMA), so the scalar tail and the vector body agree bit for bit.
    private readonly struct MultiplyAddOperator(double alpha) : IBinaryOperator
    {
        public double Invoke(double x, double y) => Math.FusedMultiplyAdd(alpha, x, y);

        public Vector256<double> Invoke(Vector256<double> x, Vector256<double> y) => Vector256.FusedMultiplyAdd(Vector256.Create(alpha), x, y);

        public Vector512<double> Invoke(Vector512<double> x, Vector512<double> y) => Vector512.FusedMultiplyAdd(Vector512.Create(alpha), x, y);
    }
}
