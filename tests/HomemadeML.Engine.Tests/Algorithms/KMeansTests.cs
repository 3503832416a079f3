using System.Diagnostics;
using System.Text.Json;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Data;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Training;
using HomemadeML.Testing;

namespace HomemadeML.Engine.Tests.Algorithms;

public class KMeansTests
{
    [Fact]
    public void Fit_IrisThreeClustersTenRestarts_InertiaWithinOnePercentOfScikitLearn()
    {
        using var oracle = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "HomemadeML.Engine.Tests", "Oracles", "kmeans_sklearn.json")));
        double expected = oracle.RootElement.GetProperty("inertia").GetDouble();
        var iris = BuiltInDatasets.Load("iris");

        foreach (var init in new[] { KMeansInit.RandomSample, KMeansInit.KMeansPlusPlus })
        {
            var model = new KMeans(new KMeansOptions { K = 3, Restarts = 10, Init = init, MaxIterations = 300, Seed = 1 })
                .Fit(iris.Features, cancellationToken: TestContext.Current.CancellationToken);
            // Brief: within 1% of scikit-learn's KMeans(n_init=10) on the same features.
            Assert.True(Math.Abs(model.Inertia - expected) <= 0.01 * expected, $"{init}: inertia {model.Inertia} vs scikit-learn {expected}");
        }
    }

    [Fact]
    public void Fit_WellSeparatedBlobs_ConvergesAndRecoversTheBlobs()
    {
        var blobs = BuiltInDatasets.Load("blobs", seed: 2);
        var model = new KMeans(new KMeansOptions { K = 4, Init = KMeansInit.KMeansPlusPlus, Restarts = 3, Seed = 2 })
            .Fit(blobs.Features, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(StopReason.Converged, model.StopReason);
        // Every blob lands in one cluster: the (cluster, blob) pairs form a one-to-one mapping.
        var pairs = model.Assignments.Zip(blobs.Labels!).Distinct().ToList();
        Assert.Equal(4, pairs.Count);
        Assert.Equal(model.InertiaHistory.Count + 1, model.CentroidPath.Count);
        Assert.True(model.InertiaHistory.Zip(model.InertiaHistory.Skip(1)).All(p => p.Second <= p.First + 1e-9), "Lloyd's iterations never raise inertia");
    }

    [Fact]
    public void Fit_SameSeed_IsBitIdentical()
    {
        var iris = BuiltInDatasets.Load("iris");
        var options = new KMeansOptions { K = 3, Restarts = 4, Seed = 9 };
        var first = new KMeans(options).Fit(iris.Features, cancellationToken: TestContext.Current.CancellationToken);
        var again = new KMeans(options).Fit(iris.Features, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(first.Centroids.Data, again.Centroids.Data);
        Assert.Equal(first.Assignments, again.Assignments);
    }

    [Fact]
    public void Fit_KLargerThanRows_ThrowsNamingX()
    {
        var ex = Assert.Throws<ArgumentException>("x", () => new KMeans(new KMeansOptions { K = 5 }).Fit(Matrix.FromRows([[1.0], [2.0]]), cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("K is 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ZeroClusters_ThrowsNamingK() =>
        Assert.Throws<ArgumentOutOfRangeException>("K", () => new KMeans(new KMeansOptions { K = 0 }));

    [Fact]
    public void Fit_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new KMeans().Fit(BuiltInDatasets.Load("iris").Features, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Fit_CancelledDuringARestart_ThrowsPromptly()
    {
        var x = RandomMatrix(20_000, 50, seed: 6);
        using var cancellation = new CancellationTokenSource();
        var progress = new CallbackProgress(p => { if (p.Step >= 2) { cancellation.Cancel(); } });
        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new KMeans(new KMeansOptions { K = 20, Restarts = 100, MaxIterations = 1000, Seed = 6 }).Fit(x, progress, cancellationToken: cancellation.Token));
        // One Lloyd iteration here takes milliseconds; 100 restarts would take minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Fit_WallTimeCap_ReturnsTheBestRestartSoFarMarkedCutShort()
    {
        var x = RandomMatrix(20_000, 50, seed: 7);
        var model = new KMeans(new KMeansOptions { K = 20, Restarts = 1000, MaxIterations = 1000, Seed = 7 })
            .Fit(x, limits: new TrainingLimits { MaxWallTime = TimeSpan.FromMilliseconds(300) }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(StopReason.TimeLimitReached, model.StopReason);
        Assert.Equal(KMeans.Inertia(x, model.Centroids, [.. model.Assignments]), model.Inertia, 9);
    }

    [Fact]
    public void Fit_SeveralRestarts_ReportsWhichRestartIsRunningAndEndsAtOneHundredPercent()
    {
        var reports = new List<TrainingProgress>();
        var progress = new CallbackProgress(reports.Add);
        new KMeans(new KMeansOptions { K = 3, Restarts = 3, Seed = 1 }).Fit(BuiltInDatasets.Load("iris").Features, progress, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("restart 1 of 3", reports[0].Stage);
        Assert.Equal("restart 3 of 3", reports[^1].Stage);
        Assert.Equal(1.0, reports[^1].Fraction);
    }

    [Fact]
    public void Fit_DuplicateRowsMoreClustersThanDistinctPoints_KeepsEveryClusterNonEmpty()
    {
        // Rows repeat, so random-sample starts pick the same point twice; the twin cluster empties and is re-seeded from the farthest row.
        var x = Matrix.FromRows([[0.0, 0], [0.0, 0], [0.0, 0], [10.0, 0], [10.0, 0], [0.0, 10], [0.0, 10.5]]);
        var model = new KMeans(new KMeansOptions { K = 4, Restarts = 5, Seed = 3 }).Fit(x, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(4, model.Assignments.Distinct().Count());
        Assert.True(model.Inertia <= 0.125 + 1e-12, $"inertia {model.Inertia}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Fit_FashionMnistTenClusters_ConvergesWithTheMatrixProductDistances()
    {
        var images = BuiltInDatasets.LoadFashionMnist().Train.Features;
        var clock = Stopwatch.StartNew();
        var model = new KMeans(new KMeansOptions { K = 10, MaxIterations = 300, Init = KMeansInit.KMeansPlusPlus, Seed = 1 })
            .Fit(images, cancellationToken: TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"Fashion-MNIST k-means (k = 10, 60000×784): {model.IterationsRun} iterations, inertia {model.Inertia:E6}, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(StopReason.Converged, model.StopReason);
        Assert.Equal(model.Assignments, model.Predict(images));
        Assert.True(model.InertiaHistory.Zip(model.InertiaHistory.Skip(1)).All(p => p.Second <= p.First * (1 + 1e-12)), "Lloyd's iterations never raise inertia");
    }

    [Fact]
    public void Predict_LargeDataUsesMatrixProductPath_AgreesWithDirectDistances()
    {
        var random = new Random(4);
        var x = new Matrix(3000, 40);
        for (int i = 0; i < x.Data.Length; i++)
        {
            x.Data[i] = random.NextDouble();
        }

        var model = new KMeans(new KMeansOptions { K = 10, MaxIterations = 5, Seed = 4 }).Fit(x, cancellationToken: TestContext.Current.CancellationToken);
        var centroids = model.Centroids;
        var predicted = model.Predict(x);
        for (int i = 0; i < x.Rows; i++)
        {
            double chosen = Kernels.Kernels.SquaredDistance(x.Row(i), centroids.Row(predicted[i]));
            for (int c = 0; c < model.K; c++)
            {
                // The product form loses a few ulps to cancellation; 1e-9 relative is far below any real gap.
                Assert.True(chosen <= Kernels.Kernels.SquaredDistance(x.Row(i), centroids.Row(c)) * (1 + 1e-9));
            }
        }
    }

    private static Matrix RandomMatrix(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var x = new Matrix(rows, columns);
        for (int i = 0; i < x.Data.Length; i++)
        {
            x.Data[i] = random.NextDouble();
        }

        return x;
    }

    private sealed class CallbackProgress(Action<TrainingProgress> onReport) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => onReport(value);
    }
}
