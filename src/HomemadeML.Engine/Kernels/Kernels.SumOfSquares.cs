using System.Runtime.Intrinsics;
using HomemadeML.Engine.Kernels.Operators;

namespace HomemadeML.Engine.Kernels;

public static partial class Kernels
{
    /// <summary>Computes Σᵢ xᵢ² (the squared Euclidean norm ‖x‖²).</summary>
    public static double SumOfSquares(ReadOnlySpan<double> x) => KernelDrivers.Sum(default(SquareOperator), x);

    private readonly struct SquareOperator : IUnaryOperator
    {
        public double Invoke(double x) => x * x;

        public Vector256<double> Invoke(Vector256<double> x) => x * x;

        public Vector512<double> Invoke(Vector512<double> x) => x * x;
    }
}
