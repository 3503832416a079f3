using System.Globalization;

namespace HomemadeML.Skill.Services;

/// <summary>
/// Caps that keep one request inside what a chat client waits for and what a shared machine can give.
/// Each can be overridden by an environment variable (clients pass settings through their server's env block).
/// </summary>
public sealed record SkillLimits
{
    /// <summary>Wall time of one training run. Clients give up after about 60 s, so the default leaves room for the answer.</summary>
    public TimeSpan MaxTrainingTime { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>Inline CSV size. 2 MB holds ~50,000 rows of a few numbers.</summary>
    public int MaxCsvBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Rows × features of any training set (Fashion-MNIST's 60,000 × 784 fits).</summary>
    public long MaxCells { get; init; } = 60_000L * 785;

    /// <summary>Iterations (or epochs) of one training run.</summary>
    public int MaxIterations { get; init; } = 100_000;

    /// <summary>Weights of one multilayer perceptron (80 MB of doubles, held about three times: weights, gradients and momentum).</summary>
    public long MaxNetworkWeights { get; init; } = 10_000_000;

    /// <summary>Values in one sweep: each is a full training run.</summary>
    public int MaxSweepValues { get; init; } = 8;

    /// <summary>Trainings running at once; later ones wait their turn.</summary>
    public int MaxConcurrentTrainings { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Where the Fashion-MNIST IDX files are.</summary>
    public string FashionMnistFolder { get; init; } = Engine.Data.BuiltInDatasets.DefaultFashionMnistFolder;

    /// <summary>Each numeric limit's flag, the HOMEMADE_ML_* variable it mirrors, and how a positive value sets it.</summary>
    private static readonly (string Flag, string Variable, Func<SkillLimits, double, SkillLimits> Apply)[] NumericLimits =
    [
        ("--max-training-seconds", "HOMEMADE_ML_MAX_TRAINING_SECONDS", (l, v) => l with { MaxTrainingTime = TimeSpan.FromSeconds(v) }),
        ("--max-csv-bytes", "HOMEMADE_ML_MAX_CSV_BYTES", (l, v) => l with { MaxCsvBytes = (int)Math.Min(v, int.MaxValue) }),
        ("--max-cells", "HOMEMADE_ML_MAX_CELLS", (l, v) => l with { MaxCells = (long)Math.Min(v, long.MaxValue) }),
        ("--max-iterations", "HOMEMADE_ML_MAX_ITERATIONS", (l, v) => l with { MaxIterations = (int)Math.Min(v, int.MaxValue) }),
        ("--max-network-weights", "HOMEMADE_ML_MAX_NETWORK_WEIGHTS", (l, v) => l with { MaxNetworkWeights = (long)Math.Min(v, long.MaxValue) }),
        ("--max-sweep-values", "HOMEMADE_ML_MAX_SWEEP_VALUES", (l, v) => l with { MaxSweepValues = (int)Math.Min(v, int.MaxValue) }),
        ("--max-concurrent-trainings", "HOMEMADE_ML_MAX_CONCURRENT_TRAININGS", (l, v) => l with { MaxConcurrentTrainings = (int)Math.Min(v, 64) }),
    ];

    /// <summary>The command-line flags that override a limit, each mirroring a HOMEMADE_ML_* variable.</summary>
    public static IReadOnlyList<string> Flags { get; } = [.. NumericLimits.Select(l => l.Flag), "--fashion-mnist"];

    /// <summary>The defaults, with any HOMEMADE_ML_* environment variables applied; a bad value throws ArgumentException naming it.</summary>
    public static SkillLimits FromEnvironment()
    {
        var limits = new SkillLimits();
        foreach (var (_, variable, apply) in NumericLimits)
        {
            if (Number(variable) is { } value)
            {
                limits = apply(limits, value);
            }
        }

        if (Environment.GetEnvironmentVariable("HOMEMADE_ML_FASHION_MNIST") is { Length: > 0 } folder)
        {
            limits = limits with { FashionMnistFolder = folder };
        }

        return limits;
    }

    /// <summary>
    /// The environment's limits, then any limit flags in <paramref name="args"/> (flags win: they are the more specific
    /// choice). Other words are left to the caller (e.g. --http, --urls). Bad values throw ArgumentException naming the flag.
    /// </summary>
    public static SkillLimits FromEnvironmentAndArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var limits = FromEnvironment();
        for (int i = 0; i < args.Count; i++)
        {
            if (!Flags.Contains(args[i]))
            {
                continue;
            }

            var flag = args[i];
            var text = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{flag}: needs a value.");
            if (flag == "--fashion-mnist")
            {
                limits = limits with { FashionMnistFolder = text };
                continue;
            }

            double value = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 && double.IsFinite(parsed)
                ? parsed
                : throw new ArgumentException($"{flag}: got '{text}'; allowed: a positive number.");
            limits = Array.Find(NumericLimits, l => l.Flag == flag).Apply(limits, value);
        }

        return limits;
    }

    private static double? Number(string variable)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"{variable}: got '{text}'; allowed: a positive number.");
    }
}
