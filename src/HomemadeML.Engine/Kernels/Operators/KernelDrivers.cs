using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HomemadeML.Engine.Kernels.Operators;

/// <summary>
/// The loops shared by every kernel: Vector512 when the hardware runs it natively, else Vector256,
/// else scalar, always finishing the last few elements with the operator's scalar form.
/// Callers validate lengths first; these drivers trust them.
/// </summary>
internal static class KernelDrivers
{
    /// <summary>destinationᵢ = op(xᵢ). x and destination may be the same span.</summary>
    public static void Transform<TOp>(TOp op, ReadOnlySpan<double> x, Span<double> destination)
        where TOp : struct, IUnaryOperator
    {
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double ds = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)x.Length;
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<double>.Count)
        {
            for (; i <= length - (nuint)Vector512<double>.Count; i += (nuint)Vector512<double>.Count)
            {
                op.Invoke(Vector512.LoadUnsafe(ref xs, i)).StoreUnsafe(ref ds, i);
            }
        }
        else if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<double>.Count)
        {
            for (; i <= length - (nuint)Vector256<double>.Count; i += (nuint)Vector256<double>.Count)
            {
                op.Invoke(Vector256.LoadUnsafe(ref xs, i)).StoreUnsafe(ref ds, i);
            }
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref ds, i) = op.Invoke(Unsafe.Add(ref xs, i));
        }
    }

    /// <summary>destinationᵢ = op(xᵢ, yᵢ). Either input may be the destination span itself.</summary>
    public static void Transform<TOp>(TOp op, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination)
        where TOp : struct, IBinaryOperator
    {
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double ys = ref MemoryMarshal.GetReference(y);
        ref double ds = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)x.Length;
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<double>.Count)
        {
            for (; i <= length - (nuint)Vector512<double>.Count; i += (nuint)Vector512<double>.Count)
            {
                op.Invoke(Vector512.LoadUnsafe(ref xs, i), Vector512.LoadUnsafe(ref ys, i)).StoreUnsafe(ref ds, i);
            }
        }
        else if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<double>.Count)
        {
            for (; i <= length - (nuint)Vector256<double>.Count; i += (nuint)Vector256<double>.Count)
            {
                op.Invoke(Vector256.LoadUnsafe(ref xs, i), Vector256.LoadUnsafe(ref ys, i)).StoreUnsafe(ref ds, i);
            }
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref ds, i) = op.Invoke(Unsafe.Add(ref xs, i), Unsafe.Add(ref ys, i));
        }
    }

    /// <summary>Σᵢ op(xᵢ), summed in vector lanes (two accumulators for instruction-level parallelism).</summary>
    public static double Sum<TOp>(TOp op, ReadOnlySpan<double> x)
        where TOp : struct, IUnaryOperator
    {
        ref double xs = ref MemoryMarshal.GetReference(x);
        nuint length = (nuint)x.Length;
        nuint i = 0;
        double sum = 0;
        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<double>.Count)
        {
            const int Width = 8;
            Vector512<double> s0 = Vector512<double>.Zero, s1 = Vector512<double>.Zero;
            for (; i + (2 * Width) <= length; i += 2 * Width)
            {
                s0 += op.Invoke(Vector512.LoadUnsafe(ref xs, i));
                s1 += op.Invoke(Vector512.LoadUnsafe(ref xs, i + Width));
            }

            for (; i + Width <= length; i += Width)
            {
                s0 += op.Invoke(Vector512.LoadUnsafe(ref xs, i));
            }

            sum = Vector512.Sum(s0 + s1);
        }
        else if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<double>.Count)
        {
            const int Width = 4;
            Vector256<double> s0 = Vector256<double>.Zero, s1 = Vector256<double>.Zero;
            for (; i + (2 * Width) <= length; i += 2 * Width)
            {
                s0 += op.Invoke(Vector256.LoadUnsafe(ref xs, i));
                s1 += op.Invoke(Vector256.LoadUnsafe(ref xs, i + Width));
            }

            for (; i + Width <= length; i += Width)
            {
                s0 += op.Invoke(Vector256.LoadUnsafe(ref xs, i));
            }

            sum = Vector256.Sum(s0 + s1);
        }

        for (; i < length; i++)
        {
            sum += op.Invoke(Unsafe.Add(ref xs, i));
        }

        return sum;
    }

    /// <summary>Σᵢ op(xᵢ, yᵢ), summed in vector lanes (two accumulators for instruction-level parallelism).</summary>
    public static double Sum<TOp>(TOp op, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
        where TOp : struct, IBinaryOperator
    {
        ref double xs = ref MemoryMarshal.GetReference(x);
        ref double ys = ref MemoryMarshal.GetReference(y);
        nuint length = (nuint)x.Length;
        nuint i = 0;
        double sum = 0;
        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<double>.Count)
        {
            const int Width = 8;
            Vector512<double> s0 = Vector512<double>.Zero, s1 = Vector512<double>.Zero;
            for (; i + (2 * Width) <= length; i += 2 * Width)
            {
                s0 += op.Invoke(Vector512.LoadUnsafe(ref xs, i), Vector512.LoadUnsafe(ref ys, i));
                s1 += op.Invoke(Vector512.LoadUnsafe(ref xs, i + Width), Vector512.LoadUnsafe(ref ys, i + Width));
            }

            for (; i + Width <= length; i += Width)
            {
                s0 += op.Invoke(Vector512.LoadUnsafe(ref xs, i), Vector512.LoadUnsafe(ref ys, i));
            }

            sum = Vector512.Sum(s0 + s1);
        }
        else if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<double>.Count)
        {
            const int Width = 4;
            Vector256<double> s0 = Vector256<double>.Zero, s1 = Vector256<double>.Zero;
            for (; i + (2 * Width) <= length; i += 2 * Width)
            {
                s0 += op.Invoke(Vector256.LoadUnsafe(ref xs, i), Vector256.LoadUnsafe(ref ys, i));
                s1 += op.Invoke(Vector256.LoadUnsafe(ref xs, i + Width), Vector256.LoadUnsafe(ref ys, i + Width));
            }

            for (; i + Width <= length; i += Width)
            {
                s0 += op.Invoke(Vector256.LoadUnsafe(ref xs, i), Vector256.LoadUnsafe(ref ys, i));
            }

            sum = Vector256.Sum(s0 + s1);
        }

        for (; i < length; i++)
        {
            sum += op.Invoke(Unsafe.Add(ref xs, i), Unsafe.Add(ref ys, i));
        }

        return sum;
    }
}
