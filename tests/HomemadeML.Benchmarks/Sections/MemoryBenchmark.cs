using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Data;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Training;

namespace HomemadeML.Benchmarks.Sections;

/// <summary>
/// Peak memory of training on the 60,000 × 784 Fashion-MNIST images: each workload runs in a fresh child process
/// (this program again, hidden sub-command <c>memory-child</c>) that loads the training set, trains briefly and reads
/// its own peak resident set (VmHWM). Target: at most 3× the data's size in doubles (60,000 × 784 × 8 B = 376 MB).
/// The peers do the same under Python (VmHWM too: ru_maxrss would include this parent's peak) for context.
/// </summary>
internal sealed class MemoryBenchmark : IBenchmarkSection
{
    public const string ChildCommand = "memory-child";

    private const int ClassCount = 10;

    // What each child trains. Buffers are allocated before the first iteration, so a few iterations reach the peak.
    private static readonly (string Name, string Engine, string Peer)[] Workloads =
    [
        ("load", "read the IDX files only", "read the IDX files only"),
        ("logistic", "LogisticRegression, λ = 1, 10 L-BFGS iterations", "sklearn LogisticRegression ovr lbfgs, max_iter 10"),
        ("mlp", "MLP [784, 25, 10] full batch, 5 iterations", "mlp_numpy.py vectorized, 5 iterations"),
        ("mlp-minibatch", "MLP [784, 100, 10] batch 64, 1 epoch", "sklearn MLPClassifier (100,), max_iter 1"),
        ("kmeans", "KMeans k = 10, 10 iterations", "sklearn KMeans lloyd k = 10, max_iter 10"),
    ];

    public string Name => "memory";

    public string Description => "peak memory (VmHWM) of training in a fresh process vs the data's size, engine and Python peers";

    public void Run(BenchmarkOptions options, TextWriter output)
    {
        int rows = options.TrainingRows;
        double dataBytes = (double)rows * 784 * sizeof(double);
        var table = new Table("case", "engine", "peer", "ratio", "engine÷data", "target", "met", "what ran (engine | peer)");
        foreach (var (name, engineText, peerText) in Workloads)
        {
            double engine = RunEngineChild(name, options);
            double peer = double.NaN;
            if (options.RunPeer)
            {
                using var json = PythonPeer.Run("memory_peer.py", "--workload", name, "--rows", Text(rows), "--threads", Text(options.Threads));
                peer = json?.RootElement.GetProperty("peak_bytes").GetDouble() ?? double.NaN;
            }

            double ofData = engine / dataBytes;
            bool training = name != "load";
            table.Add($"{name}, {rows:N0} rows", Format.Megabytes(engine), Format.Megabytes(peer), $"engine÷peer {Format.Number(engine / peer, "F2")}",
                $"{Format.Number(ofData, "F2")}×", training ? "engine÷data ≤ 3×" : "(baseline)",
                training ? Format.Met(double.IsNaN(ofData) ? null : ofData <= 3) : "", $"{engineText} | {peerText}");
        }

        output.WriteLine($"Peak resident memory of a fresh process that loads the first {rows:N0} Fashion-MNIST training images and trains briefly; "
            + $"the data in doubles is {rows:N0} × 784 × 8 B = {Format.Megabytes(dataBytes)}.");
        output.WriteLine("Engine: VmHWM from /proc/self/status at the end of a child run of this program (runtime and JIT included, nothing subtracted). "
            + "Peer: VmHWM of a Python child the same way (interpreter, NumPy, scikit-learn included); not ru_maxrss, which Linux carries over fork + exec from this (possibly large) parent.");
        output.WriteLine("'load' is the baseline: reading the IDX files into doubles (the engine's IdxReader; NumPy's frombuffer + astype).");
        if (rows < BenchmarkOptions.FullTrainingRows)
        {
            // IdxReader has no row limit: the child decodes all 60,000 images before taking the first rows.
            output.WriteLine($"Caveat for --rows {rows:N0}: the engine child decodes all 60,000 images before keeping the first rows, so its peak includes the full matrix.");
        }
        output.WriteLine();
        table.Write(output);
    }

    /// <summary>The child side: <c>memory-child &lt;workload&gt; [--rows n] [--threads n]</c>; prints {"peak_bytes", "seconds"}.</summary>
    public static int RunChild(IReadOnlyList<string> args, TextWriter output)
    {
        if (args.Count < 1)
        {
            throw new ArgumentException($"{ChildCommand} needs a workload: {string.Join(", ", Workloads.Select(w => w.Name))}.", nameof(args));
        }

        var options = BenchmarkOptions.Parse([.. args.Skip(1)]);
        var limits = new TrainingLimits { MaxDegreeOfParallelism = options.EngineThreads };
        var clock = Stopwatch.StartNew();

        // Only the training files, read by the engine's own IDX reader (BuiltInDatasets would load the test set too).
        string folder = BuiltInDatasets.DefaultFashionMnistFolder;
        var x = IdxReader.ReadImages(Path.Combine(folder, "train-images-idx3-ubyte.gz"), out _);
        var labels = IdxReader.ReadLabels(Path.Combine(folder, "train-labels-idx1-ubyte.gz"));
        if (options.TrainingRows < x.Rows)
        {
            x = x.SelectRows(Enumerable.Range(0, options.TrainingRows).ToArray());
            labels = labels[..options.TrainingRows];
        }

        switch (args[0])
        {
            case "load":
                break;
            case "logistic":
                new LogisticRegression(new LogisticRegressionOptions { Regularization = 1, Iterations = 10 }).Fit(x, labels, ClassCount, limits: limits);
                break;
            case "mlp":
                new MultilayerPerceptron(new MultilayerPerceptronOptions { HiddenLayers = [25], Iterations = 5 }).Fit(x, labels, ClassCount, limits: limits);
                break;
            case "mlp-minibatch":
                new MultilayerPerceptron(new MultilayerPerceptronOptions { HiddenLayers = [100], BatchSize = 64, LearningRate = 0.02, Momentum = 0.9, Regularization = 0.001, Iterations = 1 })
                    .Fit(x, labels, ClassCount, limits: limits);
                break;
            case "kmeans":
                new KMeans(new KMeansOptions { K = 10, MaxIterations = 10 }).Fit(x, limits: limits);
                break;
            default:
                throw new ArgumentException($"unknown workload {args[0]}; allowed: {string.Join(", ", Workloads.Select(w => w.Name))}.", nameof(args));
        }

        GC.KeepAlive(x);
        output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double> { ["peak_bytes"] = PeakResidentBytes(), ["seconds"] = clock.Elapsed.TotalSeconds }));
        return 0;
    }

    private static double RunEngineChild(string workload, BenchmarkOptions options)
    {
        var start = ChildProcess.StartInfo([ChildCommand, workload, .. options.ToArguments()], redirectStandardError: true);
        using var json = ChildProcess.RunForJson(start, $"{ChildCommand} {workload}");
        return json?.RootElement.GetProperty("peak_bytes").GetDouble() ?? double.NaN;
    }

    /// <summary>VmHWM (the peak resident set, in kB) from /proc/self/status, in bytes; NaN where there is no /proc.</summary>
    private static double PeakResidentBytes()
    {
        const string Prefix = "VmHWM:";
        try
        {
            string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
            return line is null ? double.NaN : 1024.0 * long.Parse(line[Prefix.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
