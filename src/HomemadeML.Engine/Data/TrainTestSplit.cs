namespace HomemadeML.Engine.Data;

/// <summary>A dataset cut into the rows a model learns from and the rows it is judged on.</summary>
public sealed record TrainTestSplit(Dataset Train, Dataset Test)
{
    /// <summary>
    /// Shuffles the rows with <paramref name="seed"/> and puts round(testFraction · rows) of them in the test set.
    /// With <paramref name="stratify"/> (the default) labelled data is split class by class, so each class keeps its
    /// share in both parts and every class keeps at least one row for training. testFraction 0 puts every
    /// row in Train and leaves Test empty. Unlabelled data is never stratified.
    /// </summary>
    public static TrainTestSplit Create(Dataset dataset, double testFraction, int seed, bool stratify = true)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!(testFraction >= 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "testFraction must be in [0, 1).");
        }

        var random = new Random(seed);
        var train = new List<int>();
        var test = new List<int>();
        IEnumerable<int[]> groups = stratify && dataset.Labels is { } labels
            ? Enumerable.Range(0, dataset.Rows).GroupBy(i => labels[i]).OrderBy(g => g.Key).Select(g => g.ToArray())
            : [Enumerable.Range(0, dataset.Rows).ToArray()];
        foreach (var rows in groups)
        {
            random.Shuffle(rows);
            int testCount = (int)Math.Round(testFraction * rows.Length, MidpointRounding.AwayFromZero);
            if (testCount == rows.Length && testCount > 0)
            {
                // A fraction near 1 must not take a class (or the whole set) away from training altogether.
                testCount--;
            }

            test.AddRange(rows.AsSpan(0, testCount));
            train.AddRange(rows.AsSpan(testCount));
        }

        // Stratifying grouped the rows by class; shuffle again so neither part is ordered by class.
        int[] trainRows = [.. train], testRows = [.. test];
        random.Shuffle(trainRows);
        random.Shuffle(testRows);
        return new TrainTestSplit(dataset.WithRows(trainRows), dataset.WithRows(testRows));
    }
}
