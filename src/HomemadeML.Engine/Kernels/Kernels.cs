namespace HomemadeML.Engine.Kernels;

/// <summary>
/// Element-wise and reduction kernels over spans. Inputs come first, the destination span last;
/// nothing allocates. Each operation lives in its own file (Kernels.Dot.cs, Kernels.Sigmoid.cs, …).
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

    internal static void RequireDestination(int needed, int actual, string name = "destination")
    {
        if (actual < needed)
        {
            throw new ArgumentException($"{name} has length {actual}; it must hold at least {needed} values.", name);
        }
    }
}
