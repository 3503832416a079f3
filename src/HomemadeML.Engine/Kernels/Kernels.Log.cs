using System.Runtime.Intrinsics;
using HomemadeML.Engine.Kernels.Operators;

namespace HomemadeML.Engine.Kernels;

public static partial class Kernels
{
    /// <summary>
    /// The floor <see cref="LogClamped"/> applies: the smallest normal double, so log never sees 0 or a
    /// subnormal and ln(floor) ≈ −708.4 stays finite in a cross-entropy sum.
    /// </summary>
    public const double LogFloor = 2.2250738585072014E-308;

    /// <summary>
    /// Computes destinationᵢ = ln(max(xᵢ, <see cref="LogFloor"/>)), the guarded logarithm cross-entropy needs when a
    /// predicted probability rounds to 0. NaN stays NaN and +∞ gives +∞. x may be the destination span.
    /// </summary>
    public static void LogClamped(ReadOnlySpan<double> x, Span<double> destination)
    {
        RequireDestination(x.Length, destination.Length);
        KernelDrivers.Transform(default(LogClampedOperator), x, destination);
    }

    private readonly struct LogClampedOperator : IUnaryOperator
    {
        // Math.Max and Vector*.Max both propagate NaN, so a NaN probability is reported, not hidden.
        public double Invoke(double x) => Math.Log(Math.Max(x, LogFloor));

        public Vector256<double> Invoke(Vector256<double> x) => Vector256.Log(Vector256.Max(x, Vector256.Create(LogFloor)));

        public Vector512<double> Invoke(Vector512<double> x) => Vector512.Log(Vector512.Max(x, Vector512.Create(LogFloor)));
    }
}
