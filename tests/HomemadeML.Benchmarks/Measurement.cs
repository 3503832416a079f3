using System.Diagnostics;

namespace HomemadeML.Benchmarks;

/// <summary>Times an action: one warm-up call (JIT tiers, buffers, page faults), then <c>repeat</c> timed calls.</summary>
internal static class Measurement
{
    /// <summary>Best and median seconds. The best is the figure to compare on a shared, noisy machine: noise only adds time.</summary>
    public static (double Best, double Median) Time(Action action, int repeat)
    {
        action();
        var seconds = new double[repeat];
        for (int r = 0; r < repeat; r++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            seconds[r] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        Array.Sort(seconds);
        return (seconds[0], seconds[repeat / 2]);
    }
}
