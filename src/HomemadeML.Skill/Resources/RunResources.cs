using System.ComponentModel;
using HomemadeML.Skill.Services;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HomemadeML.Skill.Resources;

/// <summary>The charts of recent runs (run_example or compare_algorithms with include_plot), kept in the bounded <see cref="RunStore"/>.</summary>
[McpServerResourceType]
public sealed class RunResources(RunStore store)
{
    [McpServerResource(UriTemplate = "homemade-ml://runs/{runId}/{chart}.png", Name = "run-chart", Title = "Chart of a run", MimeType = "image/png")]
    [Description("A PNG chart of a recent run, as linked from run_example's result when include_plot is true. Only the most recent runs are kept.")]
    public BlobResourceContents RunChart(string runId, string chart) =>
        store.TryGet(runId, chart, out var rendered)
            ? BlobResourceContents.FromBytes(rendered.Png, RunStore.Uri(runId, chart), "image/png")
            : throw new McpException($"runId/chart: '{runId}/{chart}' is not kept; kept runs: {(store.RunIds() is { Count: > 0 } ids ? string.Join(", ", ids) : "none")} (only the last {RunStore.Capacity} runs with include_plot are kept).");
}
