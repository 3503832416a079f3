namespace HomemadeML.Engine.Training;

/// <summary>
/// Caps that keep a training run inside what its caller can wait for. A run that hits one stops
/// and returns the model it has, marked with a <see cref="StopReason"/>; it never throws for it.
/// </summary>
public sealed record TrainingLimits
{
    /// <summary>No caps: train for as long as the options ask.</summary>
    public static TrainingLimits None { get; } = new();

    /// <summary>Stop after this much wall time (null: no cap).</summary>
    public TimeSpan? MaxWallTime { get; init; }

    /// <summary>Worker threads a kernel may use (null: all cores). Lets a server run several trainings side by side.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
