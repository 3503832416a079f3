namespace HomemadeML.Engine.Kernels;

/// <summary>
/// Element-wise and reduction kernels over spans. Inputs come first, the destination span last;
/// nothing allocates. Each operation lives in its own file (Kernels.Dot.cs, Kernels.Sigmoid.cs, …) as a small
/// operator struct with scalar, Vector256 and Vector512 forms; the drivers in Operators/KernelDrivers.cs run the
/// widest form the CPU accelerates and finish the tail with the scalar one.
/// </summary>
public static partial class Kernels
{
    internal static void RequireSameLength(int expected, int actual, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{name} has length {actual}; expected {expected}.", name);
        }
    }

    internal static void RequireNotEmpty(int length, string name)
    {
        if (length == 0)
        {
            throw new ArgumentException($"{name} is empty; it must hold at least one value.", name);
        }
    }

    internal static void RequireDestination(int needed, int actual, string name = "destination")
    {
        if (actual < needed)
        {
            throw new ArgumentException($"{name} has length {actual}; it must hold at least {needed} values.", name);
        }
    }
}
