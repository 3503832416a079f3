using System.Globalization;
using HomemadeML.Charts;

namespace HomemadeML.Skill.Services;

/// <summary>
/// The charts of recent runs, readable as resources homemade-ml://runs/{run-id}/{chart}.png. Bounded: the oldest run
/// is forgotten once <see cref="Capacity"/> runs are kept, so a long session cannot grow memory without end.
/// Thread-safe, because tools run concurrently.
/// </summary>
public sealed class RunStore
{
    /// <summary>32 runs of at most 600 KB of PNG each (RunCharts' budget) stay under 20 MB.</summary>
    public const int Capacity = 32;

    private readonly Lock gate = new();
    private readonly Dictionary<string, IReadOnlyDictionary<string, RenderedChart>> runs = [];
    private readonly Queue<string> order = new();
    private long next;

    /// <summary>Keeps the charts of one run and returns its id (run-1, run-2, … in this process).</summary>
    public string Add(IEnumerable<RenderedChart> charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        var byName = charts.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        lock (gate)
        {
            var id = "run-" + (++next).ToString(CultureInfo.InvariantCulture);
            runs[id] = byName;
            order.Enqueue(id);
            while (order.Count > Capacity)
            {
                runs.Remove(order.Dequeue());
            }

            return id;
        }
    }

    /// <summary>The chart <paramref name="chart"/> of run <paramref name="runId"/>, if it is still kept.</summary>
    public bool TryGet(string runId, string chart, out RenderedChart rendered)
    {
        lock (gate)
        {
            if (runs.TryGetValue(runId, out var charts) && charts.TryGetValue(chart, out var found))
            {
                rendered = found;
                return true;
            }
        }

        rendered = null!;
        return false;
    }

    /// <summary>The ids of the runs still kept, oldest first.</summary>
    public IReadOnlyList<string> RunIds()
    {
        lock (gate)
        {
            return [.. order];
        }
    }

    /// <summary>The resource address of one stored chart.</summary>
    public static string Uri(string runId, string chart) => $"homemade-ml://runs/{runId}/{chart}.png";
}
