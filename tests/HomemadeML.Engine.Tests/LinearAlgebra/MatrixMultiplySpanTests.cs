using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Tests.LinearAlgebra;

public sealed class MatrixMultiplySpanTests
{
    public enum Form
    {
        AB,
        TransposedLeft,
        TransposedRight,
    }

    public static TheoryData<int, int, int, Form> Shapes()
    {
        var data = new TheoryData<int, int, int, Form>();
        (int M, int K, int N)[] shapes =
        [
            (0, 0, 0), (0, 5, 3), (4, 0, 3), (3, 5, 0), (1, 1, 1), (1, 17, 1), (1, 40, 33), (33, 40, 1),
            (7, 13, 29), (29, 13, 7), (6, 256, 16), (13, 257, 35), (97, 61, 89), (150, 300, 50),

            // Few columns: row-major A is read in place, not packed (a short last tile, one and two column panels);
            // few rows: row-major B's full panels are read in place and a narrower last one packed.
            (301, 97, 25), (64, 785, 10), (200, 300, 32), (25, 600, 785), (32, 300, 64),

            // Few rows that split better in fives run five-row register tiles (10 classes; 19 = 5+5+5+4).
            (10, 785, 100), (19, 300, 70),
        ];
        foreach (var (m, k, n) in shapes)
        {
            foreach (var form in Enum.GetValues<Form>())
            {
                data.Add(m, k, n, form);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_Double_MatchesNaiveReference(int m, int k, int n, Form form)
    {
        var (a, b) = Operands(m, k, n, form, seed: 1);
        var expected = Naive(a, b, m, k, n, form, initial: null);
        var c = new double[m * n];
        Array.Fill(c, double.NaN); // overwritten, never read, when accumulate is false
        Invoke(a, b, c, m, k, n, form, accumulate: false, maxDegreeOfParallelism: 0);
        AssertClose(expected, c, k, DoubleTolerance);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_DoubleAccumulate_AddsToDestination(int m, int k, int n, Form form)
    {
        var (a, b) = Operands(m, k, n, form, seed: 2);
        var initial = Random(3, m * n);
        var expected = Naive(a, b, m, k, n, form, initial);
        var c = (double[])initial.Clone();
        Invoke(a, b, c, m, k, n, form, accumulate: true, maxDegreeOfParallelism: 0);
        AssertClose(expected, c, k + 1, DoubleTolerance);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_Float_MatchesNaiveReference(int m, int k, int n, Form form)
    {
        var (a, b) = Operands(m, k, n, form, seed: 4);
        var af = a.Select(v => (float)v).ToArray();
        var bf = b.Select(v => (float)v).ToArray();
        var expectedFromFloats = Naive(af.Select(v => (double)v).ToArray(), bf.Select(v => (double)v).ToArray(), m, k, n, form, null);
        var c = new float[m * n];
        switch (form)
        {
            case Form.AB:
                MatrixMultiply.Multiply(af, bf, c, m, k, n);
                break;
            case Form.TransposedLeft:
                MatrixMultiply.MultiplyTransposedLeft(af, bf, c, m, k, n);
                break;
            default:
                MatrixMultiply.MultiplyTransposedRight(af, bf, c, m, k, n);
                break;
        }

        AssertClose(expectedFromFloats, c.Select(v => (double)v).ToArray(), k, FloatTolerance);
    }

    [Theory]
    [InlineData(Form.AB, 300, 257, 129)]
    [InlineData(Form.TransposedLeft, 300, 257, 129)]
    [InlineData(Form.TransposedRight, 300, 257, 129)]
    [InlineData(Form.AB, 2003, 300, 25)] // tall and narrow: A read in place
    [InlineData(Form.TransposedRight, 2003, 300, 25)]
    [InlineData(Form.AB, 25, 3000, 785)] // short and wide: B's panels read in place
    [InlineData(Form.TransposedLeft, 25, 3000, 785)]
    public void Multiply_LargeThreaded_MatchesNaiveAndSingleThread(Form form, int m, int k, int n)
    {
        var (a, b) = Operands(m, k, n, form, seed: 5);
        var expected = Naive(a, b, m, k, n, form, initial: null);
        var threaded = new double[m * n];
        var single = new double[m * n];
        Invoke(a, b, threaded, m, k, n, form, accumulate: false, maxDegreeOfParallelism: 0);
        Invoke(a, b, single, m, k, n, form, accumulate: false, maxDegreeOfParallelism: 1);
        AssertClose(expected, threaded, k, DoubleTolerance);

        // Each element is summed in the same order whichever thread computes it: threads change nothing.
        Assert.Equal(single, threaded);
    }

    [Theory]
    [InlineData(1, 5, 3)]       // small: the unblocked loops read B itself
    [InlineData(128, 785, 25)]  // an MLP tile: A read in place, B's panels from the packed copy, four depth slices
    [InlineData(301, 300, 40)]  // A packed as well
    [InlineData(50, 70, 1100)]  // more columns than one packed block
    [InlineData(2003, 300, 25)] // threaded: slabs of rows share the packed B
    public void MultiplyTransposedRight_BPackedOnce_ServesEveryAAndMatchesNaive(int m, int k, int n)
    {
        var b = Random(9, n * k);
        var packed = new PackedTransposedOperand();
        packed.Pack(b, n, k);
        for (int seed = 10; seed < 12; seed++)
        {
            var a = Random(seed, m * k);
            var initial = Random(seed + 50, m * n);
            var c = (double[])initial.Clone();
            MatrixMultiply.MultiplyTransposedRight(a, packed, c, m, accumulate: true);
            AssertClose(Naive(a, b, m, k, n, Form.TransposedRight, initial), c, k + 1, DoubleTolerance);
        }
    }

    [Fact]
    public void MultiplyTransposedRight_BPackedAgainAfterItChanged_UsesTheNewValues()
    {
        const int m = 64, k = 300, n = 25;
        var a = Random(13, m * k);
        var b = Random(14, n * k);
        var packed = new PackedTransposedOperand();
        packed.Pack(b, n, k);
        Random(15, n * k).CopyTo(b, 0);
        packed.Pack(b, n, k);
        var c = new double[m * n];
        MatrixMultiply.MultiplyTransposedRight(a, packed, c, m);
        AssertClose(Naive(a, b, m, k, n, Form.TransposedRight, null), c, k, DoubleTolerance);
    }

    [Fact]
    public void Multiply_WideShortProduct_SplitsColumnsAndMatchesNaive()
    {
        const int m = 10, k = 301, n = 1000;
        var (a, b) = Operands(m, k, n, Form.AB, seed: 6);
        var expected = Naive(a, b, m, k, n, Form.AB, initial: null);
        var c = new double[m * n];
        MatrixMultiply.Multiply(a, b, c, m, k, n, maxDegreeOfParallelism: 2);
        AssertClose(expected, c, k, DoubleTolerance);
    }

    [Fact]
    public void Multiply_LargeFloat_MatchesNaive()
    {
        const int m = 130, k = 520, n = 140;
        var (a, b) = Operands(m, k, n, Form.AB, seed: 7);
        var af = a.Select(v => (float)v).ToArray();
        var bf = b.Select(v => (float)v).ToArray();
        var expected = Naive(af.Select(v => (double)v).ToArray(), bf.Select(v => (double)v).ToArray(), m, k, n, Form.AB, null);
        var c = new float[m * n];
        MatrixMultiply.Multiply(af, bf, c, m, k, n);
        AssertClose(expected, c.Select(v => (double)v).ToArray(), k, FloatTolerance);
    }

    [Fact]
    public void Multiply_DestinationTooShort_ThrowsNamingDestination()
    {
        var error = Assert.Throws<ArgumentException>(() => MatrixMultiply.Multiply(new double[6], new double[6], new double[3], 2, 3, 2));
        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void Multiply_ATooShort_ThrowsNamingA()
    {
        var error = Assert.Throws<ArgumentException>(() => MatrixMultiply.Multiply(new float[5], new float[6], new float[4], 2, 3, 2));
        Assert.Equal("a", error.ParamName);
    }

    [Fact]
    public void Multiply_BTooShort_ThrowsNamingB()
    {
        var error = Assert.Throws<ArgumentException>(() => MatrixMultiply.MultiplyTransposedRight(new double[6], new double[5], new double[4], 2, 3, 2));
        Assert.Equal("b", error.ParamName);
    }

    [Fact]
    public void Multiply_NegativeDimension_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MatrixMultiply.Multiply(new double[6], new double[6], new double[4], 2, -3, 2));
        Assert.Equal("k", error.ParamName);
    }

    [Fact]
    public void Multiply_DestinationOverlapsInput_ThrowsNamingDestination()
    {
        var data = new double[16];
        var error = Assert.Throws<ArgumentException>(() => MatrixMultiply.Multiply(data.AsSpan(0, 4), data.AsSpan(4, 4), data.AsSpan(6, 4), 2, 2, 2));
        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void Multiply_MaxDegreeOfParallelismBelowMinusOne_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MatrixMultiply.Multiply(new double[4], new double[4], new double[4], 2, 2, 2, maxDegreeOfParallelism: -2));
        Assert.Equal("maxDegreeOfParallelism", error.ParamName);
    }

    [Fact]
    public void Multiply_NaNInInput_PropagatesToItsRowAndColumnOnly()
    {
        const int m = 40, k = 50, n = 60;
        var (a, b) = Operands(m, k, n, Form.AB, seed: 8);
        a[(7 * k) + 3] = double.NaN;
        var c = new double[m * n];
        MatrixMultiply.Multiply(a, b, c, m, k, n);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(i == 7, double.IsNaN(c[(i * n) + j]));
            }
        }
    }

    // Products of values in [−1, 1] summed over k terms: the error of any summation order is within
    // γₖ·Σ|aᵢₚ·bₚⱼ| ≤ k·ε·k (Higham, Accuracy and Stability of Numerical Algorithms, §3.1); the bound below is
    // twice that, with ε the type's machine epsilon. The float reference is exact-ish (double sums of the floats).
    private static double DoubleTolerance => Math.Pow(2, -52);

    private static double FloatTolerance => Math.Pow(2, -23);

    private static void AssertClose(double[] expected, double[] actual, int k, double epsilon)
    {
        Assert.Equal(expected.Length, actual.Length);
        double bound = 2 * Math.Max(k, 1) * epsilon * Math.Max(k, 1);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= bound, $"element {i}: expected {expected[i]:R}, got {actual[i]:R} (bound {bound:E2}).");
        }
    }

    private static void Invoke(double[] a, double[] b, double[] c, int m, int k, int n, Form form, bool accumulate, int maxDegreeOfParallelism)
    {
        switch (form)
        {
            case Form.AB:
                MatrixMultiply.Multiply(a, b, c, m, k, n, accumulate, maxDegreeOfParallelism);
                break;
            case Form.TransposedLeft:
                MatrixMultiply.MultiplyTransposedLeft(a, b, c, m, k, n, accumulate, maxDegreeOfParallelism);
                break;
            default:
                MatrixMultiply.MultiplyTransposedRight(a, b, c, m, k, n, accumulate, maxDegreeOfParallelism);
                break;
        }
    }

    /// <summary>Stored operands: A is m×k (k×m for Aᵀ·B), B is k×n (n×k for A·Bᵀ).</summary>
    private static (double[] A, double[] B) Operands(int m, int k, int n, Form form, int seed) => (Random(seed, m * k), Random(seed + 100, k * n));

    private static double[] Naive(double[] a, double[] b, int m, int k, int n, Form form, double[]? initial)
    {
        var c = initial is null ? new double[m * n] : (double[])initial.Clone();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    double aip = form == Form.TransposedLeft ? a[(p * m) + i] : a[(i * k) + p];
                    double bpj = form == Form.TransposedRight ? b[(j * k) + p] : b[(p * n) + j];
                    sum += aip * bpj;
                }

                c[(i * n) + j] += sum;
            }
        }

        return c;
    }

    private static double[] Random(int seed, int length)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (2 * random.NextDouble()) - 1;
        }

        return values;
    }
}
