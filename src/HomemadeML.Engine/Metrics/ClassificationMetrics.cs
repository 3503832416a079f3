namespace HomemadeML.Engine.Metrics;

/// <summary>How well predicted class indices match the actual ones.</summary>
public static class ClassificationMetrics
{
    /// <summary>Computes the fraction of examples whose predicted class equals the actual class.</summary>
    public static double Accuracy(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted)
    {
        RequirePaired(actual, predicted);
        int correct = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            if (actual[i] == predicted[i])
            {
                correct++;
            }
        }

        return (double)correct / actual.Length;
    }

    /// <summary>Counts examples per (actual class, predicted class): element [a, p], rows actual, columns predicted.</summary>
    public static int[,] ConfusionMatrix(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int classCount)
    {
        RequirePaired(actual, predicted);
        if (classCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, $"classCount must be ≥ 1; got {classCount}.");
        }

        RequireClasses(actual, classCount, nameof(actual));
        RequireClasses(predicted, classCount, nameof(predicted));
        var counts = new int[classCount, classCount];
        for (int i = 0; i < actual.Length; i++)
        {
            counts[actual[i], predicted[i]]++;
        }

        return counts;
    }

    /// <summary>Precision, recall and F1 of <paramref name="positiveClass"/> against all other classes.</summary>
    public static BinaryClassificationScores PrecisionRecallF1(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted, int positiveClass = 1)
    {
        RequirePaired(actual, predicted);
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            bool isPositive = actual[i] == positiveClass;
            bool predictedPositive = predicted[i] == positiveClass;
            if (isPositive && predictedPositive)
            {
                truePositives++;
            }
            else if (predictedPositive)
            {
                falsePositives++;
            }
            else if (isPositive)
            {
                falseNegatives++;
            }
        }

        double precision = Ratio(truePositives, truePositives + falsePositives);
        double recall = Ratio(truePositives, truePositives + falseNegatives);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new BinaryClassificationScores(precision, recall, f1, truePositives, falsePositives, falseNegatives);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private static void RequirePaired(ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted)
    {
        if (actual.Length == 0)
        {
            throw new ArgumentException("actual must hold at least one label; got none.", nameof(actual));
        }

        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException($"predicted has {predicted.Length} labels; actual has {actual.Length}.", nameof(predicted));
        }
    }

    private static void RequireClasses(ReadOnlySpan<int> labels, int classCount, string name)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentOutOfRangeException(name, labels[i], $"{name}[{i}] is {labels[i]}; labels must be in 0…{classCount - 1}.");
            }
        }
    }
}
