namespace HomemadeML.Engine.Features;

/// <summary>
/// Homemade's sinusoid features: for k = 1…degree and every input column xⱼ, the value sin(k·xⱼ),
/// ordered by k first (all columns for k = 1, then all for k = 2, …).
/// </summary>
internal static class SinusoidFeatures
{
    public static int Count(int inputColumns, int degree) => checked(inputColumns * degree);

    /// <summary>Writes destination[(k − 1)·n + j] = sin(k·x[j]).</summary>
    public static void Generate(ReadOnlySpan<double> x, int degree, Span<double> destination)
    {
        int n = x.Length;
        for (int k = 1; k <= degree; k++)
        {
            var block = destination.Slice((k - 1) * n, n);
            for (int j = 0; j < n; j++)
            {
                block[j] = Math.Sin(k * x[j]);
            }
        }
    }

    public static string Name(string input, int k) => k == 1 ? $"sin({input})" : $"sin({k}·{input})";
}
