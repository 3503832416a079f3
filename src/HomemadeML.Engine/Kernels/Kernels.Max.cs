using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HomemadeML.Engine.Kernels;

public static partial class Kernels
{
    /// <summary>Computes maxᵢ xᵢ; NaN if any xᵢ is NaN. x must not be empty.</summary>
    public static double Max(ReadOnlySpan<double> x)
    {
        RequireNotEmpty(x.Length, nameof(x));
        ref double xs = ref MemoryMarshal.GetReference(x);
        nuint length = (nuint)x.Length;
        nuint i = 0;
        double max = double.NegativeInfinity;
        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<double>.Count)
        {
            // Vector512.Max is IEEE 754-2019 maximum: a NaN lane stays NaN, like Math.Max.
            var m = Vector512.Create(double.NegativeInfinity);
            for (; i + 8 <= length; i += 8)
            {
                m = Vector512.Max(m, Vector512.LoadUnsafe(ref xs, i));
            }

            max = Math.Max(Vector256.Max(m.GetLower(), m.GetUpper()).ToScalarMax(), max);
        }
        else if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<double>.Count)
        {
            var m = Vector256.Create(double.NegativeInfinity);
            for (; i + 4 <= length; i += 4)
            {
                m = Vector256.Max(m, Vector256.LoadUnsafe(ref xs, i));
            }

            max = m.ToScalarMax();
        }

        for (; i < length; i++)
        {
            max = Math.Max(max, Unsafe.Add(ref xs, i));
        }

        return max;
    }

    /// <summary>
    /// Returns the index of the first largest xᵢ (the predicted class of a row of scores), or of the first NaN
    /// if there is one, as NumPy's argmax does. x must not be empty.
    /// </summary>
    public static int ArgMax(ReadOnlySpan<double> x)
    {
        RequireNotEmpty(x.Length, nameof(x));
        int best = 0;
        double max = x[0];
        if (double.IsNaN(max))
        {
            return 0;
        }

        for (int i = 1; i < x.Length; i++)
        {
            double v = x[i];
            if (v > max)
            {
                max = v;
                best = i;
            }
            else if (double.IsNaN(v))
            {
                return i;
            }
        }

        return best;
    }

    private static double ToScalarMax(this Vector256<double> m)
    {
        var pair = Vector128.Max(m.GetLower(), m.GetUpper());
        return Math.Max(pair.GetElement(0), pair.GetElement(1));
    }
}
