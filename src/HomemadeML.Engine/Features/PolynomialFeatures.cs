namespace HomemadeML.Engine.Features;

/// <summary>
/// Homemade's polynomial features. The columns are split into a first half a (the larger half when the
/// count is odd) and a second half b, and column aₖ is paired with bₖ. For i = 1…degree and j = 0…i each
/// pair gives a^(i−j)·b^j — so two features give x1, x2, x1², x1·x2, x2², x1³, … exactly as homemade does.
/// With one feature homemade pairs it with itself (x^i repeated i + 1 times); with an odd count the
/// unpaired last column of the first half is likewise paired with itself. Homemade's repeats are kept on
/// purpose so a degree means the same design matrix here as in the curriculum.
/// </summary>
internal static class PolynomialFeatures
{
    /// <summary>The (a, b) column index pairs for <paramref name="inputColumns"/> features.</summary>
    public static (int A, int B)[] Pairs(int inputColumns)
    {
        int firstHalf = (inputColumns + 1) / 2;
        int secondHalf = inputColumns - firstHalf;
        var pairs = new List<(int, int)>(firstHalf);
        for (int k = 0; k < secondHalf; k++)
        {
            pairs.Add((k, firstHalf + k));
        }

        if (firstHalf > secondHalf)
        {
            pairs.Add((firstHalf - 1, firstHalf - 1));
        }

        return [.. pairs];
    }

    /// <summary>Σᵢ₌₁..d (i + 1) terms per pair = d(d + 3)/2 per pair.</summary>
    public static int Count(int pairCount, int degree) => checked(pairCount * (degree * (degree + 3) / 2));

    public static int ScratchLength(int pairCount, int degree) => checked(2 * pairCount * (degree + 1));

    /// <summary>
    /// Writes every term for one example, in homemade's order: degree i, then power j of b, then pair.
    /// The scratch span holds at least <see cref="ScratchLength"/> values and is reused across rows.
    /// </summary>
    public static void Generate(ReadOnlySpan<double> x, ReadOnlySpan<(int A, int B)> pairs, int degree, Span<double> scratch, Span<double> destination)
    {
        // Powers 0…degree of a and b for each pair, built by repeated multiplication (no Math.Pow).
        int stride = degree + 1;
        var powersA = scratch[..(pairs.Length * stride)];
        var powersB = scratch.Slice(pairs.Length * stride, pairs.Length * stride);
        for (int p = 0; p < pairs.Length; p++)
        {
            double a = x[pairs[p].A], b = x[pairs[p].B];
            powersA[p * stride] = 1;
            powersB[p * stride] = 1;
            for (int e = 1; e <= degree; e++)
            {
                powersA[(p * stride) + e] = powersA[(p * stride) + e - 1] * a;
                powersB[(p * stride) + e] = powersB[(p * stride) + e - 1] * b;
            }
        }

        int column = 0;
        for (int i = 1; i <= degree; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                for (int p = 0; p < pairs.Length; p++)
                {
                    destination[column++] = powersA[(p * stride) + i - j] * powersB[(p * stride) + j];
                }
            }
        }
    }

    /// <summary>Column names in <see cref="Generate"/> order, e.g. "x1^2·x2".</summary>
    public static IEnumerable<string> Names(IReadOnlyList<string> inputs, (int A, int B)[] pairs, int degree)
    {
        for (int i = 1; i <= degree; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                foreach (var (a, b) in pairs)
                {
                    yield return (i - j, j) switch
                    {
                        (0, _) => Power(inputs[b], j),
                        (_, 0) => Power(inputs[a], i - j),
                        _ => $"{Power(inputs[a], i - j)}·{Power(inputs[b], j)}",
                    };
                }
            }
        }
    }

    private static string Power(string name, int exponent) => exponent == 1 ? name : $"{name}^{exponent}";
}
