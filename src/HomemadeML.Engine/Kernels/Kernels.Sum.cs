using System.Runtime.Intrinsics;
using HomemadeML.Engine.Kernels.Operators;

namespace HomemadeML.Engine.Kernels;

public static partial class Kernels
{
    /// <summary>Computes Σᵢ xᵢ.</summary>
    public static double Sum(ReadOnlySpan<double> x) => KernelDrivers.Sum(default(IdentityOperator), x);

    private readonly struct IdentityOperator : IUnaryOperator
    {
        public double Invoke(double x) => x;

        public Vector256<double> Invoke(Vector256<double> x) => x;

        public Vector512<double> Invoke(Vector512<double> x) => x;
    }
}
