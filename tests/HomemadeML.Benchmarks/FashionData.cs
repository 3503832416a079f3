using HomemadeML.Engine.Data;
using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Benchmarks;

/// <summary>
/// Fashion-MNIST as the engine loads it (raw pixels 0–255 as doubles; the algorithms normalize with training
/// statistics themselves), read once per process so `all` does not decode the IDX files for every section.
/// A smaller training set is always the first n rows, which is what the peers take too (<c>--rows n</c>).
/// </summary>
internal static class FashionData
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<int, (Matrix X, int[] Labels)> Subsets = [];
    private static TrainTestSplit? _split;

    public static string Folder => BuiltInDatasets.DefaultFashionMnistFolder;

    /// <summary>The first <paramref name="rows"/> training images and their labels (all 60,000 share the loaded matrix).</summary>
    public static (Matrix X, int[] Labels) Train(int rows)
    {
        lock (Gate)
        {
            var train = Split().Train;
            if (rows >= train.Rows)
            {
                return (train.Features, train.Labels!);
            }

            if (!Subsets.TryGetValue(rows, out var subset))
            {
                var indices = Enumerable.Range(0, rows).ToArray();
                subset = (train.Features.SelectRows(indices), train.Labels![..rows]);
                Subsets[rows] = subset;
            }

            return subset;
        }
    }

    /// <summary>The 10,000 official test images and labels.</summary>
    public static (Matrix X, int[] Labels) Test()
    {
        lock (Gate)
        {
            var test = Split().Test;
            return (test.Features, test.Labels!);
        }
    }

    private static TrainTestSplit Split() => _split ??= BuiltInDatasets.LoadFashionMnist();
}
