using System.Runtime.Intrinsics;
using HomemadeML.Engine.Kernels.Operators;

namespace HomemadeML.Engine.Kernels;

public static partial class Kernels
{
    /// <summary>Computes Σᵢ (xᵢ − yᵢ)², the squared Euclidean distance ‖x − y‖².</summary>
    public static double SquaredDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        RequireSameLength(x.Length, y.Length, nameof(y));
        return KernelDrivers.Sum(default(SquaredDifferenceOperator), x, y);
    }

    private readonly struct SquaredDifferenceOperator : IBinaryOperator
    {
        public double Invoke(double x, double y)
        {
            double d = x - y;
            return d * d;
        }

        public Vector256<double> Invoke(Vector256<double> x, Vector256<double> y)
        {
            var d = x - y;
            return d * d;
        }

        public Vector512<double> Invoke(Vector512<double> x, Vector512<double> y)
        {
            var d = x - y;
            return d * d;
        }
    }
}
