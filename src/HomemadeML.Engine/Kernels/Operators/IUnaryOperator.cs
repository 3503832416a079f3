using System.Runtime.Intrinsics;

namespace HomemadeML.Engine.Kernels.Operators;

/// <summary>
/// One element-wise function f(x) in three widths. The scalar form is the reference the vector forms
/// must agree with; the drivers in <see cref="KernelDrivers"/> pick the widest accelerated form and
/// finish the tail with the scalar one. Implementations are readonly structs so the JIT specializes
/// and inlines each call; fields carry parameters such as a scale factor.
/// </summary>
internal interface IUnaryOperator
{
    double Invoke(double x);

    Vector256<double> Invoke(Vector256<double> x);

    Vector512<double> Invoke(Vector512<double> x);
}
