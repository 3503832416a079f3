using System.Globalization;

namespace HomemadeML.Benchmarks;

/// <summary>
/// Command-line options shared by the sections: <c>--sizes 512,1024</c>, <c>--repeat 5</c>, <c>--rounds 3</c>,
/// <c>--threads 0</c> (0: all cores), <c>--no-peer</c> (skip the NumPy/scikit-learn run), <c>--rows 60000</c>
/// (Fashion-MNIST training rows, the first n), <c>--max-iter n</c> (k-means Lloyd cap), <c>--epochs n</c>
/// (the engine's mini-batch MLP of the mlp quality row). Unset numbers fall back to each section's default,
/// since a repeat count that suits a 0.1 s product is far too many for a 10 s k-means fit.
/// </summary>
internal sealed record BenchmarkOptions
{
    /// <summary>Fashion-MNIST training set size: the sections' default row count.</summary>
    public const int FullTrainingRows = 60_000;

    public IReadOnlyList<int>? Sizes { get; init; }

    /// <summary>Timed runs (or iterations) per case after one warm-up; null: the section's default.</summary>
    public int? Repeat { get; init; }

    /// <summary>Alternating rounds of peer and engine runs, to ride out bursts of load; null: the section's default.</summary>
    public int? Rounds { get; init; }

    public int Threads { get; init; }

    public bool RunPeer { get; init; } = true;

    /// <summary>How many Fashion-MNIST training rows (the first ones) the data sections use; null: all 60,000.</summary>
    public int? Rows { get; init; }

    public int? MaxIterations { get; init; }

    public int? Epochs { get; init; }

    /// <summary>Training rows to use: <see cref="Rows"/> capped at the 60,000 the training set has.</summary>
    public int TrainingRows => Math.Min(Rows ?? FullTrainingRows, FullTrainingRows);

    /// <summary>The engine's parallelism cap for <c>TrainingLimits</c>: null (all cores) unless --threads is positive.</summary>
    public int? EngineThreads => Threads > 0 ? Threads : null;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.", nameof(args));
            options = name switch
            {
                "--sizes" => options with { Sizes = [.. Value().Split(',').Select(s => PositiveInt("--sizes", s))] },
                "--repeat" => options with { Repeat = PositiveInt(name, Value()) },
                "--rounds" => options with { Rounds = PositiveInt(name, Value()) },
                "--threads" => options with { Threads = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--no-peer" => options with { RunPeer = false },
                "--rows" => options with { Rows = PositiveInt(name, Value()) },
                "--max-iter" => options with { MaxIterations = PositiveInt(name, Value()) },
                "--epochs" => options with { Epochs = PositiveInt(name, Value()) },
                _ => throw new ArgumentException(
                    $"unknown option {name}; allowed: --sizes a,b,… --repeat n --rounds n --threads n --no-peer --rows n --max-iter n --epochs n.", nameof(args)),
            };
        }

        return options;
    }

    /// <summary>The options as arguments again, for a child process that must see the same settings.</summary>
    public IEnumerable<string> ToArguments()
    {
        string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
        (string Name, int? Value)[] numbers =
            [("--repeat", Repeat), ("--rounds", Rounds), ("--rows", Rows), ("--max-iter", MaxIterations), ("--epochs", Epochs)];
        foreach (var (name, value) in numbers)
        {
            if (value is { } set)
            {
                yield return name;
                yield return Text(set);
            }
        }

        if (Sizes is { } sizes)
        {
            yield return "--sizes";
            yield return string.Join(',', sizes.Select(Text));
        }

        if (Threads != 0)
        {
            yield return "--threads";
            yield return Text(Threads);
        }

        if (!RunPeer)
        {
            yield return "--no-peer";
        }
    }

    private static int PositiveInt(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new ArgumentException($"{name} must be a positive integer; got '{text}'.", nameof(name));
}
