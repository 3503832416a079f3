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

    /// <summary>Values in one sweep: each is a full training run.</summary>
    public int MaxSweepValues { get; init; } = 8;

    /// <summary>Trainings running at once; later ones wait their turn.</summary>
    public int MaxConcurrentTrainings { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Where the Fashion-MNIST IDX files are.</summary>
    public string FashionMnistFolder { get; init; } = Engine.Data.BuiltInDatasets.DefaultFashionMnistFolder;

    /// <summary>The defaults, with any HOMEMADE_ML_* environment variables applied.</summary>
    public static SkillLimits FromEnvironment()
    {
        var limits = new SkillLimits();
        if (Number("HOMEMADE_ML_MAX_TRAINING_SECONDS") is { } seconds)
        {
            limits = limits with { MaxTrainingTime = TimeSpan.FromSeconds(seconds) };
        }

        if (Number("HOMEMADE_ML_MAX_CSV_BYTES") is { } bytes)
        {
            limits = limits with { MaxCsvBytes = (int)bytes };
        }

        if (Number("HOMEMADE_ML_MAX_ITERATIONS") is { } iterations)
        {
            limits = limits with { MaxIterations = (int)iterations };
        }

        if (Number("HOMEMADE_ML_MAX_CONCURRENT_TRAININGS") is { } concurrent)
        {
            limits = limits with { MaxConcurrentTrainings = (int)concurrent };
        }

        if (Environment.GetEnvironmentVariable("HOMEMADE_ML_FASHION_MNIST") is { Length: > 0 } folder)
        {
            limits = limits with { FashionMnistFolder = folder };
        }

        return limits;
    }

    /// <summary>The command-line flags that override a limit, with the HOMEMADE_ML_* variable each mirrors.</summary>
    public static IReadOnlyList<string> Flags { get; } =
        ["--max-training-seconds", "--max-csv-bytes", "--max-iterations", "--max-concurrent-trainings", "--fashion-mnist"];

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
            limits = flag switch
            {
                "--max-training-seconds" => limits with { MaxTrainingTime = TimeSpan.FromSeconds(value) },
                "--max-csv-bytes" => limits with { MaxCsvBytes = (int)Math.Min(value, int.MaxValue) },
                "--max-iterations" => limits with { MaxIterations = (int)Math.Min(value, int.MaxValue) },
                _ => limits with { MaxConcurrentTrainings = (int)Math.Min(value, 64) },
            };
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

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{variable} must be a positive number; got '{text}'.");
    }
}
