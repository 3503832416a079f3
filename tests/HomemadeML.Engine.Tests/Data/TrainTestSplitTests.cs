using HomemadeML.Engine.Data;
using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Tests.Data;

public class TrainTestSplitTests
{
    // Feature 0 is the row's own index, so a row can be traced into either part.
    private static Dataset Numbered(int rows, Func<int, int>? label = null) => new()
    {
        Name = "numbered", Description = "row i holds i",
        Features = Matrix.ColumnVector([.. Enumerable.Range(0, rows).Select(i => (double)i)]),
        FeatureNames = ["index"],
        Labels = label is null ? null : [.. Enumerable.Range(0, rows).Select(label)],
        ClassNames = label is null ? null : [.. Enumerable.Range(0, rows).Select(label).Distinct().Order().Select(l => $"class {l}")],
    };

    [Fact]
    public void Create_SameSeed_GivesTheSameDisjointStratifiedParts()
    {
        var iris = BuiltInDatasets.Load("iris");
        var split = TrainTestSplit.Create(iris, 0.2, seed: 5);
        var again = TrainTestSplit.Create(iris, 0.2, seed: 5);
        Assert.Equal(split.Test.Features.Data, again.Test.Features.Data);
        Assert.Equal(split.Train.Labels, again.Train.Labels);
        Assert.Equal((120, 30), (split.Train.Rows, split.Test.Rows));
        Assert.All(split.Test.Labels!.GroupBy(l => l), g => Assert.Equal(10, g.Count()));
    }

    [Fact]
    public void Create_AnySplit_PutsEveryRowInExactlyOnePart()
    {
        var split = TrainTestSplit.Create(Numbered(101, i => i % 3), 0.3, seed: 9);
        var rows = split.Train.Features.Data.Concat(split.Test.Features.Data).Order();
        Assert.Equal(Enumerable.Range(0, 101).Select(i => (double)i), rows);
        // Each row keeps its own label.
        Assert.All(Enumerable.Range(0, split.Test.Rows), i => Assert.Equal((int)split.Test.Features[i, 0] % 3, split.Test.Labels![i]));
    }

    [Fact]
    public void Create_OtherSeed_ChoosesOtherTestRows()
    {
        var data = Numbered(100);
        Assert.NotEqual(TrainTestSplit.Create(data, 0.2, seed: 1).Test.Features.Data, TrainTestSplit.Create(data, 0.2, seed: 2).Test.Features.Data);
    }

    [Fact]
    public void Create_StratifiedLabels_AreNotOrderedByClass()
    {
        var split = TrainTestSplit.Create(BuiltInDatasets.Load("iris"), 0.2, seed: 5);
        Assert.NotEqual(split.Train.Labels!.Order(), split.Train.Labels!);
    }

    [Fact]
    public void Create_WithoutStratification_TakesRoundedFractionOfAllRows()
    {
        // 90 of class 0 and 10 of class 1: an unstratified 25% split takes 25 rows whatever their class.
        var split = TrainTestSplit.Create(Numbered(100, i => i < 90 ? 0 : 1), 0.25, seed: 4, stratify: false);
        Assert.Equal((75, 25), (split.Train.Rows, split.Test.Rows));
    }

    [Fact]
    public void Create_TinyClass_KeepsARowForTraining()
    {
        var split = TrainTestSplit.Create(Numbered(11, i => i == 10 ? 1 : 0), 0.5, seed: 0);
        Assert.Contains(1, split.Train.Labels!);
    }

    [Fact]
    public void Create_ZeroTestFraction_KeepsEveryRowForTraining()
    {
        var split = TrainTestSplit.Create(BuiltInDatasets.Load("noisy-line"), 0, seed: 1);
        Assert.Equal((100, 0), (split.Train.Rows, split.Test.Rows));
        Assert.Empty(split.Test.Targets!);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Create_FractionOutOfRange_ThrowsNamingTestFraction(double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>("testFraction", () => TrainTestSplit.Create(BuiltInDatasets.Load("iris"), fraction, 0));
}
