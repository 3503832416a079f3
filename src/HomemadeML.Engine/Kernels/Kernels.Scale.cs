using System.Runtime.Intrinsics;
using HomemadeML.Engine.Kernels.Operators;

namespace HomemadeML.Engine.Kernels;

public static partial class Kernels
{
    /// <summary>Computes destinationᵢ = alpha·xᵢ. x may be the destination span.</summary>
    public static void Scale(double alpha, ReadOnlySpan<double> x, Span<double> destination)
    {
        RequireDestination(x.Length, destination.Length);
        KernelDrivers.Transform(new ScaleOperator(alpha), x, destination);
    }

    private readonly struct ScaleOperator(double alpha) : IUnaryOperator
    {
        public double Invoke(double x) => alpha * x;

        public Vector256<double> Invoke(Vector256<double> x) => Vector256.Create(alpha) * x;

        public Vector512<double> Invoke(Vector512<double> x) => Vector512.Create(alpha) * x;
    }
}
