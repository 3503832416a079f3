namespace HomemadeML.Engine.Kernels;

// Scalar first versions of the kernel set; the SIMD work replaces these bodies file by file
// (Kernels.Dot.cs, …) and keeps these signatures.
public static partial class Kernels
{
    /// <summary>Computes Σᵢ xᵢ·yᵢ.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        RequireSameLength(x.Length, y.Length, nameof(y));
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>Computes destination += alpha·x (BLAS axpy).</summary>
    public static void MultiplyAdd(double alpha, ReadOnlySpan<double> x, Span<double> destination)
    {
        RequireSameLength(x.Length, destination.Length, nameof(destination));
        int i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var a = new System.Numerics.Vector<double>(alpha);
            int width = System.Numerics.Vector<double>.Count;
            for (; i <= x.Length - width; i += width)
            {
                var d = new System.Numerics.Vector<double>(destination[i..]);
                (d + (a * new System.Numerics.Vector<double>(x[i..]))).CopyTo(destination[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            destination[i] += alpha * x[i];
        }
    }

    /// <summary>Computes destinationᵢ = xᵢ − yᵢ.</summary>
    public static void Subtract(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination)
    {
        RequireSameLength(x.Length, y.Length, nameof(y));
        RequireDestination(x.Length, destination.Length);
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = x[i] - y[i];
        }
    }

    /// <summary>Computes destinationᵢ = alpha·xᵢ.</summary>
    public static void Scale(double alpha, ReadOnlySpan<double> x, Span<double> destination)
    {
        RequireDestination(x.Length, destination.Length);
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = alpha * x[i];
        }
    }

    /// <summary>Computes Σᵢ xᵢ.</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i];
        }

        return sum;
    }

    /// <summary>Computes Σᵢ xᵢ².</summary>
    public static double SumOfSquares(ReadOnlySpan<double> x) => Dot(x, x);

    /// <summary>Computes Σᵢ (xᵢ − yᵢ)², the squared Euclidean distance.</summary>
    public static double SquaredDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        RequireSameLength(x.Length, y.Length, nameof(y));
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - y[i];
            sum += d * d;
        }

        return sum;
    }

    /// <summary>Computes destinationᵢ = g(xᵢ) = 1 / (1 + e^(−xᵢ)). x and destination may be the same span.</summary>
    public static void Sigmoid(ReadOnlySpan<double> x, Span<double> destination)
    {
        RequireDestination(x.Length, destination.Length);
        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = 1.0 / (1.0 + Math.Exp(-x[i]));
        }
    }
}
