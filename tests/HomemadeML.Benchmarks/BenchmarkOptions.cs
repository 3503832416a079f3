using System.Globalization;

namespace HomemadeML.Benchmarks;

/// <summary>Command-line options shared by the sections: <c>--sizes 512,1024</c>, <c>--repeat 5</c>,
/// <c>--rounds 3</c>, <c>--threads 0</c> (0: all cores), <c>--no-peer</c> (skip the NumPy/scikit-learn run).</summary>
internal sealed record BenchmarkOptions
{
    public IReadOnlyList<int>? Sizes { get; init; }

    /// <summary>Timed runs per case after one warm-up; 5 gives a stable best on a quiet machine in a few seconds.</summary>
    public int Repeat { get; init; } = 5;

    /// <summary>Alternating rounds of peer and engine runs; 3 rides out short bursts of load from other processes.</summary>
    public int Rounds { get; init; } = 3;

    public int Threads { get; init; }

    public bool RunPeer { get; init; } = true;

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
                _ => throw new ArgumentException($"unknown option {name}; allowed: --sizes a,b,… --repeat n --rounds n --threads n --no-peer.", nameof(args)),
            };
        }

        return options;
    }

    private static int PositiveInt(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new ArgumentException($"{name} must be a positive integer; got '{text}'.", nameof(name));
}
