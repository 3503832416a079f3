using HomemadeML.Engine.Data;

namespace HomemadeML.Engine.Tests.Data;

public class TrainTestSplitTests
{
    [Fact]
    public void Create_SameSeed_GivesTheSameDisjointStratifiedParts()
    {
        var iris = BuiltInDatasets.Load("iris");
        var split = TrainTestSplit.Create(iris, 0.2, seed: 5);
        var again = TrainTestSplit.Create(iris, 0.2, seed: 5);
        Assert.Equal(split.Test.Features.Data, again.Test.Features.Data);
        Assert.Equal((120, 30), (split.Train.Rows, split.Test.Rows));
        Assert.All(split.Test.Labels!.GroupBy(l => l), g => Assert.Equal(10, g.Count()));
        var trainRows = Enumerable.Range(0, split.Train.Rows).Select(i => string.Join(",", split.Train.Features.Row(i).ToArray())).ToHashSet();
        int shared = Enumerable.Range(0, split.Test.Rows).Count(i => trainRows.Contains(string.Join(",", split.Test.Features.Row(i).ToArray())));
        Assert.True(shared <= 3, "iris has 3 duplicated flowers; no other row may be in both parts");
    }

    [Fact]
    public void Create_ZeroTestFraction_KeepsEveryRowForTraining()
    {
        var split = TrainTestSplit.Create(BuiltInDatasets.Load("noisy-line"), 0, seed: 1);
        Assert.Equal((100, 0), (split.Train.Rows, split.Test.Rows));
    }

    [Fact]
    public void Create_FractionOutOfRange_ThrowsNamingTestFraction() =>
        Assert.Throws<ArgumentOutOfRangeException>("testFraction", () => TrainTestSplit.Create(BuiltInDatasets.Load("iris"), 1.5, 0));
}
