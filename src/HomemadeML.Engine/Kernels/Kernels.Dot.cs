using System.Runtime.Intrinsics;
using HomemadeML.Engine.Kernels.Operators;

namespace HomemadeML.Engine.Kernels;

public static partial class Kernels
{
    /// <summary>Computes Σᵢ xᵢ·yᵢ.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        RequireSameLength(x.Length, y.Length, nameof(y));
        return KernelDrivers.Sum(default(MultiplyOperator), x, y);
    }
}
