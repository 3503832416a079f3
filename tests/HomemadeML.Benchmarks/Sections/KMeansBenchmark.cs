using System.Diagnostics;
using System.Globalization;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Training;

namespace HomemadeML.Benchmarks.Sections;

/// <summary>
/// Lloyd's k-means, k = 10, on raw Fashion-MNIST pixels: engine vs scikit-learn's KMeans(algorithm="lloyd") from the
/// same ten initial rows, run until no assignment changes (or the cap). Target: engine seconds per iteration ≤
/// sklearn's, at equal final inertia (±0.1 %).
/// </summary>
internal sealed class KMeansBenchmark : IBenchmarkSection
{
    private const int K = 10;
    private const int Seed = 7;

    public string Name => "kmeans";

    public string Description => "k-means (k = 10) on Fashion-MNIST: seconds per Lloyd iteration and inertia vs sklearn";

    public void Run(BenchmarkOptions options, TextWriter output)
    {
        int rows = options.TrainingRows, maxIterations = options.MaxIterations ?? 300, rounds = options.Rounds ?? 1;
        var (x, _) = FashionData.Train(rows);
        var settings = new KMeansOptions { K = K, MaxIterations = maxIterations, Init = KMeansInit.RandomSample, Restarts = 1, Seed = Seed };
        var limits = new TrainingLimits { MaxDegreeOfParallelism = options.EngineThreads };

        // KMeans takes no initial centroids, but its RandomSample start is Random(Seed).Shuffle of the row indices,
        // first K: drawing the same here gives the peer the engine's starting rows (checked below).
        var order = Enumerable.Range(0, rows).ToArray();
        new Random(Seed).Shuffle(order);
        int[] initial = order[..K];

        // JIT warm-up (tiered compilation) on a small fit.
        var (warmX, _) = FashionData.Train(Math.Min(rows, 2_000));
        new KMeans(settings with { MaxIterations = 10 }).Fit(warmX, limits: limits);

        double engineSeconds = double.PositiveInfinity, peerSeconds = double.PositiveInfinity;
        int engineIterations = 0, peerIterations = 0;
        double engineInertia = double.NaN, peerInertia = double.NaN;
        bool sameStart = true;
        for (int round = 0; round < rounds; round++)
        {
            if (options.RunPeer)
            {
                using var json = PythonPeer.Run("kmeans_sklearn.py", "--indices", string.Join(',', initial), "--rows", Text(rows),
                    "--max-iter", Text(maxIterations), "--threads", Text(options.Threads));
                if (json is not null)
                {
                    peerIterations = json.RootElement.GetProperty("iterations").GetInt32();
                    peerSeconds = Math.Min(peerSeconds, json.RootElement.GetProperty("fit_seconds").GetDouble() / peerIterations);
                    peerInertia = json.RootElement.GetProperty("inertia").GetDouble();
                }
            }

            var clock = Stopwatch.StartNew();
            var model = new KMeans(settings).Fit(x, limits: limits);
            double seconds = clock.Elapsed.TotalSeconds;
            engineIterations = model.IterationsRun;
            engineSeconds = Math.Min(engineSeconds, seconds / engineIterations);
            engineInertia = model.Inertia;
            sameStart &= SameRows(model.CentroidPath[0], x, initial);
        }

        peerSeconds = double.IsPositiveInfinity(peerSeconds) ? double.NaN : peerSeconds;
        double ratio = engineSeconds / peerSeconds;
        double inertiaDifference = (engineInertia - peerInertia) / peerInertia;
        bool? met = double.IsNaN(ratio) ? null : ratio <= 1 && Math.Abs(inertiaDifference) <= 1e-3;
        var table = new Table("case", "engine", "peer", "ratio", "target", "met", "quality");
        table.Add($"Lloyd iteration, {rows:N0} rows, k = {K}", Format.Seconds(engineSeconds), Format.Seconds(peerSeconds),
            $"engine÷peer {Format.Number(ratio, "F2")}", "engine÷peer ≤ 1, |Δinertia| ≤ 0.1 %", Format.Met(met),
            $"inertia {Format.Number(engineInertia, "G8")} vs {Format.Number(peerInertia, "G8")} (rel. diff {Format.Small(inertiaDifference)}); "
            + $"iterations {engineIterations} vs {(options.RunPeer ? Text(peerIterations) : Format.NotRun)}");

        output.WriteLine($"k-means, k = {K}, on the first {rows:N0} Fashion-MNIST training images (raw pixels 0–255), both from the same {K} initial rows "
            + $"(Random({Seed}).Shuffle of the row indices, first {K}: {string.Join(',', initial)}).");
        output.WriteLine($"sklearn: KMeans(n_clusters={K}, init=those rows, n_init=1, algorithm=\"lloyd\", max_iter={maxIterations}, tol=0). Engine: KMeans RandomSample with Seed {Seed}, "
            + $"which draws exactly those rows{(sameStart ? " (checked)" : " — CHECK FAILED: the engine started elsewhere, so the inertias are not comparable")}.");
        output.WriteLine($"Seconds per iteration: whole fit time ÷ iterations run (setup and final assignment included on both sides); best of {rounds} round(s). After a JIT warm-up fit on 2,000 rows.");
        output.WriteLine();
        table.Write(output);
    }

    private static bool SameRows(Matrix centroids, Matrix x, int[] rows)
    {
        for (int c = 0; c < rows.Length; c++)
        {
            if (!centroids.Row(c).SequenceEqual(x.Row(rows[c])))
            {
                return false;
            }
        }

        return true;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
