namespace HomemadeML.Skill.Services;

/// <summary>One training run as asked for: the algorithm id (already resolved), the data and the settings.</summary>
public sealed record RunRequest
{
    public required string Algorithm { get; init; }

    /// <summary>A built-in dataset name; empty: the algorithm's default (unless <see cref="Csv"/> is given).</summary>
    public string Dataset { get; init; } = "";

    /// <summary>Inline CSV text with a header row; empty: use <see cref="Dataset"/>.</summary>
    public string Csv { get; init; } = "";

    public string LabelColumn { get; init; } = "";

    public IReadOnlyList<string> Features { get; init; } = [];

    public Hyperparameters Hyperparameters { get; init; } = Hyperparameters.Empty;

    public int Seed { get; init; }

    public double TestFraction { get; init; } = 0.2;
}
