using System.Diagnostics;
using HomemadeML.Engine.Training;

namespace HomemadeML.Benchmarks;

/// <summary>
/// A synchronous progress listener that timestamps each report. Training loops always report step 1 and the last
/// step, so the time between those two reports covers every step after the first without Fit's setup (normalizing
/// the data, allocating buffers) — the per-iteration cost, with step 1 as the warm-up. (Progress&lt;T&gt; would post
/// to the thread pool and timestamp late; this runs inline on the training thread.)
/// </summary>
internal sealed class StepClock : IProgress<TrainingProgress>
{
    private readonly List<(int Step, long Timestamp)> _reports = [];

    public void Report(TrainingProgress value) => _reports.Add((value.Step, Stopwatch.GetTimestamp()));

    /// <summary>Mean seconds per step between the reports of step 1 and the last step (NaN if either is missing).</summary>
    public double SecondsPerStepAfterFirst()
    {
        int first = _reports.FindIndex(r => r.Step == 1);
        if (first < 0 || _reports.Count == 0 || _reports[^1].Step <= 1)
        {
            return double.NaN;
        }

        var (lastStep, lastTimestamp) = _reports[^1];
        return Stopwatch.GetElapsedTime(_reports[first].Timestamp, lastTimestamp).TotalSeconds / (lastStep - 1);
    }
}
