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

    [Theory]
    [InlineData(KMeansInit.RandomSample, 5_003, 40, 7, 30)]
    [InlineData(KMeansInit.KMeansPlusPlus, 5_003, 40, 7, 30)]
    [InlineData(KMeansInit.RandomSample, 3_001, 100, 700, 3)]
    public void Fit_OneThreadOrAllCores_IsBitIdentical(KMeansInit init, int rows, int columns, int k, int iterations)
    {
        // Several chunks of rows, a short last group and an odd K; 700 centroids × 100 features (560 KB) take the
        // blocked matrix-product path instead of the register tiles. The partial sums are added in chunk order, so
        // the thread count cannot change a single bit.
        var x = RandomMatrix(rows, columns, seed: 8);
        var options = new KMeansOptions { K = k, MaxIterations = iterations, Init = init, Restarts = 2, Seed = 8 };
        var oneThread = new KMeans(options).Fit(x, limits: new TrainingLimits { MaxDegreeOfParallelism = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        var allCores = new KMeans(options).Fit(x, limits: new TrainingLimits { MaxDegreeOfParallelism = null }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(oneThread.Centroids.Data, allCores.Centroids.Data);
        Assert.Equal(oneThread.Assignments, allCores.Assignments);
        Assert.Equal(oneThread.InertiaHistory, allCores.InertiaHistory);
        Assert.Equal(oneThread.Inertia, allCores.Inertia);
        Assert.Equal(oneThread.IterationsRun, allCores.IterationsRun);
        Assert.Equal(allCores.Assignments, allCores.Predict(x));
    }

    public static TheoryData<string> InertiaIdentityData => ["fashion-sized", "iris", "far-from-origin"];

    [Theory]
    [MemberData(nameof(InertiaIdentityData))]
    public void Fit_InertiaHistoryFromScatterIdentity_AgreesWithDirectSums(string data)
    {
        // The loop computes each iteration's inertia as total scatter − Σk nk·‖μk − x̄‖² instead of a pass over x;
        // check every entry against Σᵢ ‖xᵢ − μ_c(i)‖² summed row by row, with each row assigned to its nearest
        // centroid of the previous step (the assignment that update used).
        var (x, k) = data switch
        {
            "fashion-sized" => (PrototypeImages(3_000, seed: 5), 10),
            "iris" => (BuiltInDatasets.Load("iris").Features, 3),
            _ => (Shifted(BuiltInDatasets.Load("blobs", seed: 2).Features, 1e5), 4),
        };
        var model = new KMeans(new KMeansOptions { K = k, MaxIterations = 15, Seed = 5 }).Fit(x, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(model.InertiaHistory.Count >= 2, $"{model.InertiaHistory.Count} iterations");
        for (int t = 0; t < model.InertiaHistory.Count; t++)
        {
            var assignments = NearestCentroids(x, model.CentroidPath[t]);
            double direct = KMeans.Inertia(x, model.CentroidPath[t + 1], assignments);
            double relative = Math.Abs(model.InertiaHistory[t] - direct) / direct;
            Assert.True(relative <= 1e-9, $"iteration {t + 1}: identity {model.InertiaHistory[t]:R} vs direct {direct:R} (relative {relative:E2})");
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

    private static int[] NearestCentroids(Matrix x, Matrix centroids)
    {
        var assignments = new int[x.Rows];
        for (int i = 0; i < x.Rows; i++)
        {
            double best = double.PositiveInfinity;
            for (int c = 0; c < centroids.Rows; c++)
            {
                double d = Kernels.Kernels.SquaredDistance(x.Row(i), centroids.Row(c));
                if (d < best)
                {
                    best = d;
                    assignments[i] = c;
                }
            }
        }

        return assignments;
    }

    /// <summary>Fashion-MNIST-like rows: 784 whole "pixels" in 0…255, each row a noisy copy of one of ten prototypes.</summary>
    private static Matrix PrototypeImages(int rows, int seed)
    {
        var random = new Random(seed);
        var prototypes = RandomMatrix(10, 784, seed);
        var x = new Matrix(rows, 784);
        for (int i = 0; i < rows; i++)
        {
            var prototype = prototypes.Row(random.Next(10));
            for (int j = 0; j < 784; j++)
            {
                x[i, j] = Math.Clamp(Math.Round((255 * prototype[j]) + (60 * (random.NextDouble() - 0.5))), 0, 255);
            }
        }

        return x;
    }

    private static Matrix Shifted(Matrix x, double offset)
    {
        var shifted = x.Clone();
        for (int i = 0; i < shifted.Data.Length; i++)
        {
            shifted.Data[i] += offset;
        }

        return shifted;
    }

    private sealed class CallbackProgress(Action<TrainingProgress> onReport) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => onReport(value);
    }
}
