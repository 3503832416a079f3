using System.Runtime.Intrinsics;
using HomemadeML.Engine.Kernels.Operators;

namespace HomemadeML.Engine.Kernels;

public static partial class Kernels
{
    /// <summary>
    /// Computes destinationᵢ = g(xᵢ) = 1 / (1 + e^(−xᵢ)). x may be the destination span.
    /// NaN stays NaN, −∞ gives 0 and +∞ gives 1.
    /// </summary>
    public static void Sigmoid(ReadOnlySpan<double> x, Span<double> destination)
    {
        RequireDestination(x.Length, destination.Length);
        KernelDrivers.Transform(default(SigmoidOperator), x, destination);
    }

    // Evaluated as e/(1+e) with e = e^(−|x|) ≤ 1 on the negative side, so e^(−x) never overflows there:
    // g(−720) is a tiny positive number instead of 1/∞ = 0, and the relative error stays a few ulps everywhere.
    internal readonly struct SigmoidOperator : IUnaryOperator
    {
        public double Invoke(double x)
        {
            double e = Math.Exp(-Math.Abs(x));
            double s = 1.0 / (1.0 + e);
            return x < 0 ? e * s : s;
        }

        public Vector256<double> Invoke(Vector256<double> x)
        {
            var e = Vector256.Exp(-Vector256.Abs(x));
            var s = Vector256<double>.One / (Vector256<double>.One + e);
            return Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<double>.Zero), e * s, s);
        }

        public Vector512<double> Invoke(Vector512<double> x)
        {
            var e = Vector512.Exp(-Vector512.Abs(x));
            var s = Vector512<double>.One / (Vector512<double>.One + e);
            return Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<double>.Zero), e * s, s);
        }
    }
}
