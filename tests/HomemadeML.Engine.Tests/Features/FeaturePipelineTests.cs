using HomemadeML.Engine.Features;
using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Tests.Features;

public class FeaturePipelineTests
{
    // Normalization and polynomial terms are a handful of flops per value; 1e-12 relative leaves room for
    // the different summation order of the by-hand references below.
    private const double Tolerance = 1e-12;

    [Fact]
    public void Transform_DefaultOptions_PutsBiasFirstAndNormalizesWithTrainingStatistics()
    {
        var x = Matrix.FromRows([[1, 10], [2, 20], [3, 60]]);
        var pipeline = FeaturePipeline.Fit(x);
        var design = pipeline.Transform(x);

        Assert.Equal(3, pipeline.OutputColumns);
        Assert.Equal([2.0, 30.0], pipeline.Mean);
        // Population deviation (np.std, ddof = 0): √(2/3) and √((400 + 100 + 900)/3).
        AssertClose(Math.Sqrt(2.0 / 3), pipeline.Deviation[0]);
        AssertClose(Math.Sqrt(1400.0 / 3), pipeline.Deviation[1]);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(1.0, design[i, 0]);
            AssertClose((x[i, 0] - 2) / Math.Sqrt(2.0 / 3), design[i, 1]);
            AssertClose((x[i, 1] - 30) / Math.Sqrt(1400.0 / 3), design[i, 2]);
        }
    }

    [Fact]
    public void Transform_NewData_UsesStoredStatisticsNotItsOwn()
    {
        var pipeline = FeaturePipeline.Fit(Matrix.FromRows([[0.0], [2.0], [4.0]]));
        // A single new row: re-normalizing with its own statistics would give 0; the stored ones give (10 − 2)/σ.
        var design = pipeline.Transform(Matrix.FromRows([[10.0]]));
        AssertClose(8 / Math.Sqrt(8.0 / 3), design[0, 1]);
    }

    [Fact]
    public void Fit_ConstantColumn_MapsItToZeroWithoutDividingByZero()
    {
        var x = Matrix.FromRows([[0.1, 1], [0.1, 2], [0.1, 3]]);
        var pipeline = FeaturePipeline.Fit(x);
        var design = pipeline.Transform(x);

        Assert.Equal(1.0, pipeline.Deviation[0]);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(0.0, design[i, 1]));
        Assert.All(design.Data, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Transform_TwoFeaturesPolynomialDegreeTwo_FollowsHomemadeTermOrder()
    {
        var x = Matrix.FromRows([[2, 3], [5, 7]]);
        var pipeline = FeaturePipeline.Fit(x, new FeatureOptions { PolynomialDegree = 2, Normalize = false });
        var design = pipeline.Transform(x);

        // [1 | x1, x2 | x1, x2, x1², x1·x2, x2²]: homemade's i = 1…2, j = 0…i terms a^(i−j)·b^j after the features.
        Assert.Equal(["1", "x1", "x2", "x1", "x2", "x1^2", "x1·x2", "x2^2"], pipeline.ColumnNames());
        Assert.Equal([1.0, 2, 3, 2, 3, 4, 6, 9], design.Row(0).ToArray());
        Assert.Equal([1.0, 5, 7, 5, 7, 25, 35, 49], design.Row(1).ToArray());
    }

    [Fact]
    public void Transform_OneFeaturePolynomialDegreeTwo_PairsTheFeatureWithItselfLikeHomemade()
    {
        var x = Matrix.FromRows([[3.0]]);
        var pipeline = FeaturePipeline.Fit(x, new FeatureOptions { PolynomialDegree = 2, Normalize = false });

        // Homemade pairs a lone feature with itself: x, x, x², x², x² (a^(i−j)·a^j for every j).
        Assert.Equal([1.0, 3, 3, 3, 9, 9, 9], pipeline.Transform(x).Data);
    }

    [Fact]
    public void Transform_ThreeFeatures_PairsFirstHalfWithSecondAndLeftoverWithItself()
    {
        var x = Matrix.FromRows([[2, 3, 5]]);
        var pipeline = FeaturePipeline.Fit(x, new FeatureOptions { PolynomialDegree = 1, Normalize = false });

        // Halves (x1, x2) and (x3): pairs (x1, x3) and (x2, x2); degree 1 gives a then b of each pair.
        Assert.Equal(["1", "x1", "x2", "x3", "x1", "x2", "x3", "x2"], pipeline.ColumnNames());
        Assert.Equal([1.0, 2, 3, 5, 2, 3, 5, 3], pipeline.Transform(x).Data);
    }

    [Fact]
    public void Transform_SinusoidDegreeTwo_AddsSinOfKTimesEachFeature()
    {
        var x = Matrix.FromRows([[0.5, -1.25]]);
        var pipeline = FeaturePipeline.Fit(x, new FeatureOptions { SinusoidDegree = 2, Normalize = false });

        Assert.Equal(["1", "x1", "x2", "sin(x1)", "sin(x2)", "sin(2·x1)", "sin(2·x2)"], pipeline.ColumnNames());
        Assert.Equal([1.0, 0.5, -1.25, Math.Sin(0.5), Math.Sin(-1.25), Math.Sin(1.0), Math.Sin(-2.5)], pipeline.Transform(x).Data);
    }

    [Fact]
    public void Transform_PolynomialTermsWithNormalize_UsesTermStatisticsStoredAtFit()
    {
        var random = new Random(7);
        var train = RandomMatrix(random, 50, 2);
        var pipeline = FeaturePipeline.Fit(train, new FeatureOptions { PolynomialDegree = 3 });
        var design = pipeline.Transform(train);

        // On the training rows every polynomial column has mean 0 and deviation 1.
        int first = 1 + 2;
        for (int j = first; j < design.Columns; j++)
        {
            var column = design.Column(j);
            double mean = column.Average();
            double deviation = Math.Sqrt(column.Select(v => (v - mean) * (v - mean)).Average());
            Assert.True(Math.Abs(mean) < 1e-12, $"column {j} mean {mean}");
            Assert.True(Math.Abs(deviation - 1) < 1e-12, $"column {j} deviation {deviation}");
        }

        // A new row is scaled with the stored term statistics: row-by-row and batch transforms agree exactly.
        var test = RandomMatrix(random, 5, 2);
        var batch = pipeline.Transform(test);
        for (int i = 0; i < test.Rows; i++)
        {
            var single = pipeline.Transform(test.SelectRows([i]));
            Assert.Equal(batch.Row(i).ToArray(), single.Data);
        }

        // Recompute the first degree-2 term (x1²) by hand from the stored statistics.
        double z1 = (test[0, 0] - pipeline.Mean[0]) / pipeline.Deviation[0];
        int squareTerm = 2; // after x1, x2 of degree 1
        AssertClose((z1 * z1 - pipeline.PolynomialMean[squareTerm]) / pipeline.PolynomialDeviation[squareTerm], batch[0, first + squareTerm]);
    }

    [Fact]
    public void Fit_NormalizeOff_KeepsRawValuesAndUnitStatistics()
    {
        var x = Matrix.FromRows([[5, -2], [7, 4]]);
        var pipeline = FeaturePipeline.Fit(x, new FeatureOptions { Normalize = false });

        Assert.Equal([1.0, 5, -2, 1, 7, 4], pipeline.Transform(x).Data);
        Assert.Equal([0.0, 0.0], pipeline.Mean);
        Assert.Equal([1.0, 1.0], pipeline.Deviation);
    }

    [Theory]
    [InlineData(-1, 0, "PolynomialDegree")]
    [InlineData(FeatureOptions.MaxPolynomialDegree + 1, 0, "PolynomialDegree")]
    [InlineData(0, -1, "SinusoidDegree")]
    [InlineData(0, FeatureOptions.MaxSinusoidDegree + 1, "SinusoidDegree")]
    public void Fit_DegreeOutOfRange_ThrowsNamingTheDegree(int polynomial, int sinusoid, string name)
    {
        var options = new FeatureOptions { PolynomialDegree = polynomial, SinusoidDegree = sinusoid };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(name, () => FeaturePipeline.Fit(new Matrix(2, 2), options));
        Assert.Contains("must be in 0…", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_DegreesTooRichForTheFeatureCount_ThrowsNamingOptions()
    {
        // 784 pixels with polynomial degree 20: 392 pairs × 230 terms = 90,160 columns plus sinusoids 20 × 784.
        var options = new FeatureOptions { PolynomialDegree = 20, SinusoidDegree = 20 };
        var ex = Assert.Throws<ArgumentOutOfRangeException>("options", () => FeaturePipeline.Fit(new Matrix(2, 784), options));
        Assert.Contains("at most 100,000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_WrongColumnCount_ThrowsNamingX()
    {
        var pipeline = FeaturePipeline.Fit(new Matrix(3, 2));
        var ex = Assert.Throws<ArgumentException>("x", () => pipeline.Transform(new Matrix(1, 3)));
        Assert.Contains("3 columns", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NaNValue_ThrowsNamingXAndTheCell()
    {
        var x = Matrix.FromRows([[1, 2], [3, double.NaN]]);
        var ex = Assert.Throws<ArgumentException>("x", () => FeaturePipeline.Fit(x));
        Assert.Contains("row 1, column 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NoRows_ThrowsNamingX()
    {
        Assert.Throws<ArgumentException>("x", () => FeaturePipeline.Fit(new Matrix(0, 2)));
    }

    private static Matrix RandomMatrix(Random random, int rows, int columns)
    {
        var matrix = new Matrix(rows, columns);
        for (int i = 0; i < matrix.Data.Length; i++)
        {
            matrix.Data[i] = (random.NextDouble() * 10) - 3;
        }

        return matrix;
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
