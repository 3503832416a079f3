using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HomemadeML.Engine.Training;
using HomemadeML.Skill.Hosting;
using HomemadeML.Skill.Services;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HomemadeML.Skill.Tools;

/// <summary>The tools that train the engine: run_example and compare_algorithms.</summary>
[McpServerToolType]
public sealed class RunTools(ExampleRunner runner, AlgorithmNames names, RunStore store)
{
    [McpServerTool(Name = "run_example", Title = "Train on real data", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(RunReport))]
    [Description("Trains the from-scratch engine for real and returns measured results: train/test metrics (mse, rmse, r2, accuracy, inertia, purity, precision, recall, f1, epsilon), the cost per iteration, learned parameters, sample predictions, training time and a plain reading (converged? diverged and why? over-fitting?). " +
        "Uses a built-in dataset (iris, digits, noisy-line, nonlinear-curve, microchips, blobs, server-metrics, fashion-mnist) or the learner's own CSV text. " +
        "Give a sweep to train once per value of one hyperparameter and compare (e.g. learning rates). Same seed, same result.")]
    public Task<CallToolResult> RunExample(
        IProgress<ProgressNotificationValue> progress,
        [Description("Algorithm id: linear-regression, logistic-regression, multilayer-perceptron, k-means or anomaly-detection (aliases work).")] string algorithm,
        [Description("Built-in dataset: iris, digits, noisy-line, nonlinear-curve, microchips, blobs, server-metrics or fashion-mnist. Empty (default): the algorithm's demo dataset (linear-regression: noisy-line, logistic-regression: iris, multilayer-perceptron: digits, k-means: iris, anomaly-detection: server-metrics).")] string dataset = "",
        [Description("The learner's own data as CSV text with a header row (comma, semicolon or tab separated; at most 2 MB by default). Use instead of dataset.")] string csv = "",
        [Description("With csv: the column to predict (regression target, class, or 0/1 anomaly flag). Optional for k-means (then only used to report cluster purity).")] string label_column = "",
        [Description("Comma-separated feature columns to use; empty (default): every column but the label.")] string features = "",
        [Description("Object of hyperparameters; any not given take their defaults. Names: learning_rate, iterations, regularization, polynomial_degree, sinusoid_degree, normalize (linear/logistic); optimizer (gd|cg|lbfgs, logistic); hidden_layers (array, e.g. [25]), epsilon (init range), batch_size (0 = full batch), momentum (mlp); k, init (random|kmeans++), restarts (k-means); epsilon (fixed threshold), full_covariance (anomaly-detection). Example: {\"learning_rate\": 0.1, \"iterations\": 200}.")] JsonElement? hyperparameters = null,
        [Description("Optional sweep: {\"name\": \"learning_rate\", \"values\": [0.001, 0.01, 0.1, 1.5]} trains once per value (at most 8) on the same data and split.")] JsonElement? sweep = null,
        [Description("Seed for every random choice (split, initialization, synthetic data). Same seed, same result.")] int seed = 0,
        [Description("Share of rows held out for testing, in [0, 0.9]; 0 trains and reports on all rows. Default 0.2.")] double test_fraction = 0.2,
        [Description("true: also return PNG charts (cost per iteration, the fitted curve, decision regions, clusters or the ε choice), each with a text description, and keep them as resources homemade-ml://runs/{run_id}/{chart}.png. Default false.")] bool include_plot = false,
        CancellationToken cancellationToken = default) => ToolErrors.GuardAsync(async () =>
    {
        var request = new RunRequest
        {
            Algorithm = names.Resolve(algorithm),
            Dataset = dataset,
            Csv = csv,
            LabelColumn = label_column.Trim(),
            Features = features.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Hyperparameters = Hyperparameters.FromJson(hyperparameters ?? default),
            Seed = seed,
            TestFraction = test_fraction,
        };
        var engineProgress = new ProgressBridge(progress);
        RunReport result;
        string markdown;
        var charts = ChartSet.Empty;
        if (sweep is not { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } given)
        {
            var run = await runner.RunAsync(request, engineProgress, cancellationToken).ConfigureAwait(false);
            result = run;
            markdown = RunMarkdown.Render(run);
            charts = include_plot ? RunCharts.ForRun(run) : ChartSet.Empty;
        }
        else
        {
            var (name, values) = ParseSweep(given);
            var report = await runner.SweepAsync(request, name, values, engineProgress, cancellationToken).ConfigureAwait(false);
            var best = report.Runs.Where(r => r.StopReason != "diverged").OrderBy(r => r.CostHistory.Count > 0 ? r.CostHistory[^1].Cost : 0).FirstOrDefault() ?? report.Runs[0];
            result = best with { Sweep = report };
            markdown = RunMarkdown.Render(report);
            charts = include_plot ? RunCharts.ForSweep(report) : ChartSet.Empty;
        }

        var (content, links) = WithCharts(markdown, charts);
        return new CallToolResult
        {
            Content = content,
            StructuredContent = SkillJson.ToElement(result with { Charts = links }),
        };
    });

    [McpServerTool(Name = "compare_algorithms", Title = "Compare algorithms", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(CompareResult))]
    [Description("Compares algorithms side by side: task, model, cost function, optimizer, assumptions, complexity, strengths, weaknesses and when to pick each. With run=true, also trains every applicable one on the same data and split and adds measured metrics and training times.")]
    public Task<CallToolResult> CompareAlgorithms(
        IProgress<ProgressNotificationValue> progress,
        [Description("Algorithm ids or aliases to compare, e.g. [\"logistic-regression\", \"multilayer-perceptron\"]; an empty array compares all five.")] string[] algorithms,
        [Description("With run=true: a built-in dataset (see run_example); empty: iris.")] string dataset = "",
        [Description("With run=true: the learner's CSV text instead of dataset.")] string csv = "",
        [Description("With csv: the label column.")] string label_column = "",
        [Description("true: train each applicable algorithm on the same data and split and report measured metrics and times.")] bool run = false,
        [Description("Seed for the split and every algorithm.")] int seed = 0,
        [Description("With run=true: also return a PNG chart comparing the measured metrics, kept as a resource homemade-ml://runs/{run_id}/{chart}.png. Default false.")] bool include_plot = false,
        CancellationToken cancellationToken = default) => ToolErrors.GuardAsync(async () =>
    {
        var ids = (algorithms ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => names.Resolve(a, "algorithms")).Distinct().ToList();
        if (run && csv.Length == 0 && dataset.Length > 0)
        {
            // An unknown name is the caller's mistake, not a dataset some algorithm cannot use: refuse it instead of skipping all.
            ExampleRunner.RequireBuiltInDataset(dataset);
        }

        if (ids.Count == 0)
        {
            ids = [.. AlgorithmCatalog.Ids];
        }

        var rows = new List<CompareRow>();
        var measuredReports = new List<RunReport?>();
        var text = new StringBuilder("| | " + string.Join(" | ", ids) + " |\n|---|" + string.Concat(ids.Select(_ => "---|")) + "\n");
        var facts = ids.Select(id => AlgorithmFacts.All[id]).ToList();
        foreach (var (label, pick) in FactColumns)
        {
            text.Append($"| {label} | ").Append(string.Join(" | ", facts.Select(pick))).Append(" |\n");
        }

        foreach (var id in ids)
        {
            RunReport? measured = null;
            string? skipped = null;
            if (run)
            {
                try
                {
                    measured = await runner.RunAsync(
                        new RunRequest { Algorithm = id, Dataset = csv.Length > 0 || dataset.Length > 0 ? dataset : "iris", Csv = csv, LabelColumn = label_column, Seed = seed },
                        new ProgressBridge(progress), cancellationToken).ConfigureAwait(false);
                }
                catch (SkillArgumentException ex) when (ex.Argument is "dataset" or "label_column")
                {
                    skipped = ex.Message;
                }
            }

            measuredReports.Add(measured);
            rows.Add(new CompareRow { Facts = AlgorithmFacts.All[id], Run = measured, Skipped = skipped });
        }

        if (run)
        {
            text.Append("\n**Measured on the same data and split** (seed ").Append(seed).Append("):\n\n| algorithm | metrics (test) | training ms |\n|---|---|---|\n");
            foreach (var row in rows)
            {
                text.Append($"| {row.Facts.Algorithm} | ");
                text.Append(row.Run is { } r
                    ? string.Join(", ", (r.Metrics.Test ?? r.Metrics.Train).Select(m => $"{m.Key} {m.Value.ToString("G4", CultureInfo.InvariantCulture)}")) + $" | {r.TrainingMs:F0} |\n"
                    : $"not applicable: {row.Skipped} | – |\n");
            }
        }

        var measuredRuns = measuredReports.Where(r => r is not null).Select(r => r!).ToList();
        var (content, links) = WithCharts(text.ToString(),
            include_plot && measuredRuns.Count > 0 ? RunCharts.ForComparison(measuredRuns, csv.Length > 0 ? "your CSV" : (dataset.Length > 0 ? dataset : "iris")) : ChartSet.Empty);
        return new CallToolResult
        {
            Content = content,
            StructuredContent = SkillJson.ToElement(new CompareResult(rows, links)),
        };
    });

    private static readonly (string Label, Func<AlgorithmFacts, string> Pick)[] FactColumns =
    [
        ("task", f => f.Task), ("model", f => f.Model), ("cost", f => f.Cost), ("optimizer", f => f.Optimizer),
        ("assumptions", f => f.Assumptions), ("complexity", f => f.Complexity), ("strengths", f => f.Strengths),
        ("weaknesses", f => f.Weaknesses), ("when to pick", f => f.WhenToPick),
    ];

    /// <summary>The Markdown, then each chart's description and PNG; the charts are kept in the run store and linked.</summary>
    private (List<ContentBlock> Content, IReadOnlyList<ChartLink> Links) WithCharts(string markdown, ChartSet charts)
    {
        var content = new List<ContentBlock> { new TextContentBlock { Text = markdown } };
        if (charts.Charts.Count == 0 && charts.Dropped.Count == 0)
        {
            return (content, []);
        }

        var runId = store.Add([.. charts.Charts, .. charts.Dropped]);
        var links = charts.Charts.Concat(charts.Dropped).Select(c => new ChartLink(c.Name, RunStore.Uri(runId, c.Name), c.Description)).ToList();
        content.AddRange(RunCharts.ToContent(charts));
        content.AddRange(links.Select(l => new ResourceLinkBlock { Uri = l.Uri, Name = l.Name, MimeType = "image/png", Description = l.Description }));
        return (content, links);
    }

    private static (string Name, IReadOnlyList<string> Values) ParseSweep(JsonElement sweep)
    {
        if (sweep.ValueKind != JsonValueKind.Object
            || !sweep.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || !sweep.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            throw new SkillArgumentException("sweep", "sweep: expected {\"name\": \"<hyperparameter>\", \"values\": [v1, v2, …]}.");
        }

        return (name.GetString()!, [.. values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Array
            ? string.Join(",", v.EnumerateArray().Select(i => i.GetRawText()))
            : v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())]);
    }

    /// <summary>Engine progress → MCP progress notifications (the engine already throttles to ~10 a second).</summary>
    private sealed class ProgressBridge(IProgress<ProgressNotificationValue> progress) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => progress.Report(new ProgressNotificationValue
        {
            Progress = value.Step,
            Total = value.TotalSteps,
            Message = $"{value.Stage}: step {value.Step} of {value.TotalSteps}, cost {value.Cost.ToString("G5", CultureInfo.InvariantCulture)}",
        });
    }
}

/// <summary>One compared algorithm: its facts and, with run=true, its measured run or why it could not run on that data.</summary>
public sealed record CompareRow
{
    public required AlgorithmFacts Facts { get; init; }

    public RunReport? Run { get; init; }

    public string? Skipped { get; init; }
}

public sealed record CompareResult(IReadOnlyList<CompareRow> Algorithms, IReadOnlyList<ChartLink> Charts);
