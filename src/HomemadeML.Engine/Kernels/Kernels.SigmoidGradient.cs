using System.Runtime.Intrinsics;
using HomemadeML.Engine.Kernels.Operators;

namespace HomemadeML.Engine.Kernels;

public static partial class Kernels
{
    /// <summary>
    /// Computes destinationᵢ = aᵢ·(1 − aᵢ), the sigmoid's derivative g′(z) = g(z)·(1 − g(z)) written in terms of
    /// the activations a = g(z) that the forward pass already holds. activations may be the destination span.
    /// </summary>
    public static void SigmoidGradient(ReadOnlySpan<double> activations, Span<double> destination)
    {
        RequireDestination(activations.Length, destination.Length);
        KernelDrivers.Transform(default(SigmoidGradientOperator), activations, destination);
    }

    private readonly struct SigmoidGradientOperator : IUnaryOperator
    {
        public double Invoke(double x) => x * (1.0 - x);

        public Vector256<double> Invoke(Vector256<double> x) => x * (Vector256<double>.One - x);

        public Vector512<double> Invoke(Vector512<double> x) => x * (Vector512<double>.One - x);
    }
}
