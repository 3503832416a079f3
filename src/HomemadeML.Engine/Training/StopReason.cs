namespace HomemadeML.Engine.Training;

/// <summary>Why a training loop ended.</summary>
public enum StopReason
{
    /// <summary>Ran every iteration it was asked for.</summary>
    CompletedIterations,

    /// <summary>Stopped early because it converged (assignments stopped changing, gradient vanished, cost stopped falling).</summary>
    Converged,

    /// <summary>The cost became NaN or ∞, or grew without bound; the model holds the last finite parameters.</summary>
    Diverged,

    /// <summary>Hit the wall-time cap in <see cref="TrainingLimits.MaxWallTime"/>; the model holds what it had.</summary>
    TimeLimitReached,
}
