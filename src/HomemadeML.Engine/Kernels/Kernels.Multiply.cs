using System.Runtime.Intrinsics;
using HomemadeML.Engine.Kernels.Operators;

namespace HomemadeML.Engine.Kernels;

public static partial class Kernels
{
    /// <summary>Computes destinationᵢ = xᵢ·yᵢ (element-wise, Hadamard product). Inputs may alias the destination.</summary>
    public static void Multiply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination)
    {
        RequireSameLength(x.Length, y.Length, nameof(y));
        RequireDestination(x.Length, destination.Length);
        KernelDrivers.Transform(default(MultiplyOperator), x, y, destination);
    }

    internal readonly struct MultiplyOperator : IBinaryOperator
    {
        public double Invoke(double x, double y) => x * y;

        public Vector256<double> Invoke(Vector256<double> x, Vector256<double> y) => x * y;

        public Vector512<double> Invoke(Vector512<double> x, Vector512<double> y) => x * y;
    }
}
