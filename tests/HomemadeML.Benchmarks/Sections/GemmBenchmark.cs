using System.Globalization;
using System.Text.Json;
using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Benchmarks.Sections;

/// <summary>
/// Square C = A·B at each size in double and float: engine GFLOP/s (2·n³ / best time) beside NumPy's
/// (OpenBLAS) measured in the same run, and their ratio. The issue's target is a ratio ≥ 0.8 at 1024² and 2048².
/// </summary>
internal sealed class GemmBenchmark : IBenchmarkSection
{
    public string Name => "gemm";

    public string Description => "matrix multiply GFLOP/s, engine vs NumPy/OpenBLAS (double and float)";

    public void Run(BenchmarkOptions options, TextWriter output)
    {
        var sizes = options.Sizes ?? [256, 512, 1024, 2048];
        int repeat = options.Repeat ?? 5, rounds = options.Rounds ?? 3;
        string[] precisions = ["double", "float"];
        var engine = new Dictionary<(int, string), double>();
        var peer = new Dictionary<(int, string), double>();
        string blas = "not run";

        // Rounds alternate NumPy and engine so a burst of load from elsewhere hits both sides; the best time per
        // case over all rounds is kept, since outside load only ever adds time.
        for (int round = 0; round < rounds; round++)
        {
            if (options.RunPeer)
            {
                using var json = PythonPeer.Run(
                    "gemm_numpy.py",
                    "--sizes", string.Join(',', sizes),
                    "--repeat", repeat.ToString(CultureInfo.InvariantCulture),
                    "--threads", options.Threads.ToString(CultureInfo.InvariantCulture));
                if (json is not null)
                {
                    blas = json.RootElement.GetProperty("blas").GetString() ?? "unknown";
                    foreach (var result in json.RootElement.GetProperty("results").EnumerateArray())
                    {
                        KeepBest(peer, (result.GetProperty("size").GetInt32(), result.GetProperty("precision").GetString()!), result.GetProperty("best_seconds").GetDouble());
                    }
                }
            }

            foreach (int size in sizes)
            {
                KeepBest(engine, (size, "double"), TimeDouble(size, repeat, options.Threads));
                KeepBest(engine, (size, "float"), TimeSingle(size, repeat, options.Threads));
            }
        }

        output.WriteLine($"NumPy BLAS: {blas}");
        output.WriteLine($"Engine: {Environment.ProcessorCount} cores, threads {(options.Threads == 0 ? "all" : options.Threads)}, "
            + $"Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}; best of {rounds} rounds × {repeat} runs after a warm-up.");
        output.WriteLine("Numbers on a shared machine are noisy; compare the best times, and rerun before drawing conclusions.");
        output.WriteLine();
        output.WriteLine($"{"size",6} {"precision",-9} {"engine GFLOP/s",15} {"NumPy GFLOP/s",14} {"engine/NumPy",13}");
        foreach (int size in sizes)
        {
            foreach (string precision in precisions)
            {
                double flops = 2.0 * size * size * size;
                double ours = flops / engine[(size, precision)] / 1e9;
                string numpy = "n/a", ratio = "n/a";
                if (peer.TryGetValue((size, precision), out double peerSeconds))
                {
                    double reference = flops / peerSeconds / 1e9;
                    numpy = reference.ToString("F1", CultureInfo.InvariantCulture);
                    ratio = (ours / reference).ToString("F2", CultureInfo.InvariantCulture);
                }

                output.WriteLine($"{size,6} {precision,-9} {ours.ToString("F1", CultureInfo.InvariantCulture),15} {numpy,14} {ratio,13}");
            }
        }
    }

    private static void KeepBest(Dictionary<(int, string), double> best, (int, string) key, double seconds) =>
        best[key] = best.TryGetValue(key, out double previous) ? Math.Min(previous, seconds) : seconds;

    private static double TimeDouble(int size, int repeat, int threads)
    {
        var a = Uniform(1, size * size);
        var b = Uniform(2, size * size);
        var c = new double[size * size];
        return Measurement.Time(() => MatrixMultiply.Multiply(a, b, c, size, size, size, maxDegreeOfParallelism: threads), repeat).Best;
    }

    private static double TimeSingle(int size, int repeat, int threads)
    {
        var a = Uniform(1, size * size).Select(v => (float)v).ToArray();
        var b = Uniform(2, size * size).Select(v => (float)v).ToArray();
        var c = new float[size * size];
        return Measurement.Time(() => MatrixMultiply.Multiply(a, b, c, size, size, size, maxDegreeOfParallelism: threads), repeat).Best;
    }

    private static double[] Uniform(int seed, int length)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (2 * random.NextDouble()) - 1;
        }

        return values;
    }
}
