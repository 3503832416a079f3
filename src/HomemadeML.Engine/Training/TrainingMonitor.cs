using System.Diagnostics;

namespace HomemadeML.Engine.Training;

/// <summary>
/// The one place a training loop asks "should I go on?": it records the cost history, throws on
/// cancellation, stops on divergence or on the wall-time cap, and reports progress at most every
/// <see cref="ReportInterval"/> so a fast loop does not flood its listener.
/// </summary>
public sealed class TrainingMonitor
{
    /// <summary>Progress is reported at most this often (plus the first and last step).</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(100);

    // A cost this many times the starting one is treated as divergence even while still finite:
    // with gradient descent it only happens when the learning rate overshoots.
    private const double DivergenceGrowthFactor = 1e10;

    private readonly IProgress<TrainingProgress>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly TimeSpan? _maxWallTime;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<double> _costHistory = [];
    private TimeSpan _lastReport = TimeSpan.MinValue;

    public TrainingMonitor(int totalSteps, IProgress<TrainingProgress>? progress, TrainingLimits? limits, CancellationToken cancellationToken)
    {
        TotalSteps = totalSteps;
        _progress = progress;
        _cancellationToken = cancellationToken;
        _maxWallTime = limits?.MaxWallTime;
    }

    public int TotalSteps { get; }

    /// <summary>Stage text sent with progress reports (e.g. "class 2 of 3").</summary>
    public string Stage { get; set; } = "training";

    /// <summary>Offset added to step numbers in reports, for runs made of several loops (one per class, per restart).</summary>
    public int StepOffset { get; set; }

    public IReadOnlyList<double> CostHistory => _costHistory;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>
    /// Records the cost after <paramref name="step"/> (1-based) and says whether to stop.
    /// Throws <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public bool ShouldStop(int step, double cost, out StopReason reason, bool recordCost = true)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (recordCost)
        {
            _costHistory.Add(cost);
        }

        Report(step, cost);
        if (!double.IsFinite(cost) || (_costHistory.Count > 1 && Math.Abs(cost) > DivergenceGrowthFactor * Math.Max(1e-12, Math.Abs(_costHistory[0]))))
        {
            reason = StopReason.Diverged;
            return true;
        }

        if (_maxWallTime is { } cap && _clock.Elapsed >= cap)
        {
            reason = StopReason.TimeLimitReached;
            return true;
        }

        reason = StopReason.CompletedIterations;
        return false;
    }

    /// <summary>Throws when cancelled and says whether the wall-time cap is reached; for loops without a cost.</summary>
    public bool TimeIsUp()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        return _maxWallTime is { } cap && _clock.Elapsed >= cap;
    }

    /// <summary>Sends a progress report if <see cref="ReportInterval"/> has passed (always for the first and last step).</summary>
    public void Report(int step, double cost)
    {
        if (_progress is null)
        {
            return;
        }

        var now = _clock.Elapsed;
        int absoluteStep = StepOffset + step;
        if (absoluteStep == 1 || absoluteStep >= TotalSteps || now - _lastReport >= ReportInterval)
        {
            _lastReport = now;
            _progress.Report(new TrainingProgress(absoluteStep, TotalSteps, cost, Stage));
        }
    }
}
