using HomemadeML.Engine.Metrics;

namespace HomemadeML.Engine.Tests.Metrics;

public class ClassificationMetricsTests
{
    private static readonly int[] Actual = [0, 1, 2, 2, 1, 0, 1];
    private static readonly int[] Predicted = [0, 2, 2, 2, 1, 0, 0];

    [Fact]
    public void Accuracy_Example_CountsMatches()
    {
        Assert.Equal(5.0 / 7, ClassificationMetrics.Accuracy(Actual, Predicted), 15);
    }

    [Fact]
    public void ConfusionMatrix_Example_RowsActualColumnsPredicted()
    {
        var matrix = ClassificationMetrics.ConfusionMatrix(Actual, Predicted, 3);
        int[,] expected = { { 2, 0, 0 }, { 1, 1, 1 }, { 0, 0, 2 } };
        Assert.Equal(expected, matrix);
    }

    [Fact]
    public void PrecisionRecallF1_PositiveClassTwo_MatchesCounts()
    {
        // Class 2: TP = 2, FP = 1 (actual 1 predicted 2), FN = 0.
        var scores = ClassificationMetrics.PrecisionRecallF1(Actual, Predicted, positiveClass: 2);
        Assert.Equal((2, 1, 0), (scores.TruePositives, scores.FalsePositives, scores.FalseNegatives));
        Assert.Equal(2.0 / 3, scores.Precision, 15);
        Assert.Equal(1.0, scores.Recall, 15);
        Assert.Equal(0.8, scores.F1, 15);
    }

    [Fact]
    public void PrecisionRecallF1_NothingPredictedPositive_ReportsZerosNotNaN()
    {
        var scores = ClassificationMetrics.PrecisionRecallF1([1, 0, 1], [0, 0, 0], positiveClass: 1);
        Assert.Equal((0.0, 0.0, 0.0), (scores.Precision, scores.Recall, scores.F1));
    }

    [Fact]
    public void ConfusionMatrix_LabelOutsideClassCount_ThrowsNamingPredicted()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>("predicted", () => ClassificationMetrics.ConfusionMatrix([0, 1], [0, 3], 2));
        Assert.Contains("0…1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accuracy_LengthMismatch_ThrowsNamingPredicted()
    {
        Assert.Throws<ArgumentException>("predicted", () => ClassificationMetrics.Accuracy([0, 1], [0]));
    }
}
