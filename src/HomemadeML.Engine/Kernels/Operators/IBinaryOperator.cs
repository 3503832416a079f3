using System.Runtime.Intrinsics;

namespace HomemadeML.Engine.Kernels.Operators;

/// <summary>One element-wise function f(x, y) in three widths (see <see cref="IUnaryOperator"/>).</summary>
internal interface IBinaryOperator
{
    double Invoke(double x, double y);

    Vector256<double> Invoke(Vector256<double> x, Vector256<double> y);

    Vector512<double> Invoke(Vector512<double> x, Vector512<double> y);
}
