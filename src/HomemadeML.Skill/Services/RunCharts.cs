using System.Globalization;
using HomemadeML.Charts;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Data;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Metrics;
using ModelContextProtocol.Protocol;

namespace HomemadeML.Skill.Services;

/// <summary>
/// Turns a finished run (its report and the trained engine model in <see cref="RunArtifacts"/>) into the charts
/// that fit it, most useful first, within a byte budget so a whole tool result stays far below 1 MiB.
/// </summary>
public static class RunCharts
{
    /// <summary>
    /// PNG bytes allowed per tool result: 600 KB is 800 KB as base64, leaving room for the text under Claude
    /// Desktop's 1 MiB result cap. Charts past the budget are dropped, their descriptions kept.
    /// </summary>
    public const int MaxTotalPngBytes = 600 * 1024;

    /// <summary>Charts for one run: cost, then the picture of what was learned (fit, regions, clusters, images…).</summary>
    public static ChartSet ForRun(RunReport run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var charts = new List<Func<RenderedChart>>();
        if (run.Artifacts is not { } artifacts)
        {
            return ChartSet.Empty;
        }

        var title = $"{run.Algorithm} on {run.Dataset.Name}";
        if (artifacts.FullCostHistory.Count > 1 && run.Algorithm != "anomaly-detection")
        {
            var costName = run.Algorithm == "k-means" ? "inertia (sum of squared distances)" : "cost J(θ)";
            charts.Add(() => CostChart.Render([new CostSeries(Label(run), artifacts.FullCostHistory, run.StopReason == "diverged")],
                $"{title}: cost per iteration", costName));
        }

        var train = artifacts.Train;
        var shown = artifacts.Test.Rows > 0 ? artifacts.Test : artifacts.Train;
        var shownWhich = artifacts.Test.Rows > 0 ? "test" : "training";
        switch (artifacts.Model)
        {
            case LinearRegressionModel model when train.FeatureCount == 1:
                charts.Add(() => RegressionChart.FittedCurve(train.Features.Column(0), train.Targets!, model.Predict,
                    train.FeatureNames[0], train.TargetName ?? "y", $"{title}: training data and fitted curve"));
                break;
            case LinearRegressionModel model:
                charts.Add(() => RegressionChart.PredictedVsActual(shown.Targets!, model.Predict(shown.Features), shown.TargetName ?? "y",
                    $"{title}: predicted vs actual ({shownWhich} rows)"));
                break;
            case LogisticRegressionModel model:
                AddClassification(charts, title, train, shown, shownWhich, model.Predict, null);
                break;
            case MultilayerPerceptronModel model:
                AddClassification(charts, title, train, shown, shownWhich, model.Predict, model.Weights[0]);
                break;
            case KMeansModel model when train.FeatureCount >= 2:
                charts.Add(() => KMeansChart.Render(train.Features, model.Assignments, model.CentroidPath, train.FeatureNames, $"{title}: clusters"));
                break;
            case GaussianAnomalyModel model:
                AddAnomaly(charts, run, title, train, model);
                break;
        }

        return Render(charts);
    }

    /// <summary>One cost chart with a line per swept value; diverged values marked.</summary>
    public static ChartSet ForSweep(SweepReport sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var series = sweep.Runs.Select((r, i) => new CostSeries($"{sweep.Parameter} = {sweep.Values[i]}",
            r.Artifacts?.FullCostHistory ?? [.. r.CostHistory.Select(p => p.Cost)], r.StopReason == "diverged")).ToList();
        var costName = sweep.Algorithm == "k-means" ? "inertia (sum of squared distances)" : "cost J(θ)";
        return Render([() => CostChart.Render(series, $"{sweep.Algorithm}: sweep over {sweep.Parameter}", costName)]);
    }

    /// <summary>compare_algorithms with run=true: the headline metric and training time per algorithm.</summary>
    public static ChartSet ForComparison(IReadOnlyList<RunReport> runs, string dataset)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var rows = runs.Select(r =>
        {
            var metrics = r.Metrics.Test ?? r.Metrics.Train;
            var which = r.Metrics.Test is null ? "train" : "test";
            var name = HeadlineMetrics.FirstOrDefault(metrics.ContainsKey) ?? metrics.Keys.First();
            return new AlgorithmComparison(r.Algorithm, $"{which} {name}", metrics[name], r.TrainingMs / 1000);
        }).ToList();
        return rows.Count == 0 ? ChartSet.Empty : Render([() => ComparisonChart.Render(rows, $"Algorithms compared on {dataset}")]);
    }

    /// <summary>
    /// MCP content for the charts: per chart its text description, then the PNG. (When a run store exists,
    /// put a <see cref="ResourceLinkBlock"/> to homemade-ml://runs/{run-id}/{chart}.png next to each.)
    /// </summary>
    public static IEnumerable<ContentBlock> ToContent(ChartSet charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        foreach (var chart in charts.Charts)
        {
            yield return new TextContentBlock { Text = $"Chart '{chart.Name}': {chart.Description}" };
            yield return ImageContentBlock.FromBytes(chart.Png, "image/png");
        }

        foreach (var dropped in charts.Dropped)
        {
            yield return new TextContentBlock { Text = $"Chart '{dropped.Name}' left out to keep the result small: {dropped.Description}" };
        }
    }

    /// <summary>Most telling first: accuracy or R² when there are labels, then F1, purity, error.</summary>
    private static readonly string[] HeadlineMetrics = ["accuracy", "r2", "f1", "purity", "rmse", "inertia"];

    private static void AddClassification(List<Func<RenderedChart>> charts, string title, Dataset train, Dataset shown, string shownWhich,
        Func<Matrix, int[]> predict, Matrix? firstLayerWeights)
    {
        var classNames = train.ClassNames!;
        if (train.FeatureCount == 2)
        {
            charts.Add(() => DecisionRegionsChart.Render(train.Features, train.Labels!, classNames, predict, train.FeatureNames,
                $"{title}: decision regions"));
        }

        if (train.Image is { } shape)
        {
            charts.Add(() => ImageGridChart.Render(shown.Features, shape, shown.Labels!, predict(shown.Features), classNames,
                title: $"{title} ({shownWhich})"));
        }

        charts.Add(() => ConfusionMatrixChart.Render(ClassificationMetrics.ConfusionMatrix(shown.Labels!, predict(shown.Features), classNames.Count),
            classNames, $"{title}: confusion matrix ({shownWhich} rows)"));
        if (firstLayerWeights is not null && train.Image is { } image && firstLayerWeights.Columns == (image.Width * image.Height) + 1)
        {
            charts.Add(() => WeightImagesChart.Render(firstLayerWeights, image, $"{title}: first hidden layer weights"));
        }
    }

    private static void AddAnomaly(List<Func<RenderedChart>> charts, RunReport run, string title, Dataset train, GaussianAnomalyModel model)
    {
        // The runner stores the threshold it used in the metrics (chosen by F1, or the learner's fixed ε).
        if (!run.Metrics.Train.TryGetValue("log_epsilon", out var logEpsilon))
        {
            return;
        }

        if (train.FeatureCount == 2)
        {
            charts.Add(() => AnomalyCharts.DensityContours(train.Features, model.LogDensity, logEpsilon, model.Flag(train.Features, logEpsilon),
                train.FeatureNames, $"{title}: density and flagged anomalies"));
        }

        if (train.Labels is { } labels && labels.Contains(1))
        {
            // Same inputs as the runner's own selection, so the same curve it chose ε from.
            var selection = ThresholdSelection.Select(model.LogDensity(train.Features), labels);
            var h = selection.History;
            charts.Add(() => AnomalyCharts.ThresholdCurve([.. h.Select(c => c.LogEpsilon)], [.. h.Select(c => c.Precision)],
                [.. h.Select(c => c.Recall)], [.. h.Select(c => c.F1)], logEpsilon, $"{title}: choosing ε"));
        }
    }

    /// <summary>Legend text: the settings that shape the curve (the learning rate only where gradient descent uses it).</summary>
    private static string Label(RunReport run)
    {
        var usesRate = !run.Hyperparameters.TryGetValue("optimizer", out var optimizer) || Equals(optimizer, "gd");
        var shown = run.Hyperparameters
            .Where(p => p.Key is "optimizer" or "regularization" or "k" or "hidden_layers" || (p.Key == "learning_rate" && usesRate))
            .Select(p => $"{p.Key} = {Text(p.Value)}");
        return string.Join(", ", shown) is { Length: > 0 } s ? s : run.Algorithm;
    }

    private static string Text(object value) => value switch
    {
        System.Collections.IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object>().Select(Text)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static ChartSet Render(IReadOnlyList<Func<RenderedChart>> charts)
    {
        var kept = new List<RenderedChart>();
        var dropped = new List<RenderedChart>();
        var total = 0;
        foreach (var make in charts)
        {
            var chart = make();
            if (total + chart.Png.Length <= MaxTotalPngBytes)
            {
                kept.Add(chart);
                total += chart.Png.Length;
            }
            else
            {
                dropped.Add(chart);
            }
        }

        return new ChartSet(kept, dropped);
    }
}

/// <summary>The charts that fit the budget, and those left out (their descriptions still go to the learner).</summary>
public sealed record ChartSet(IReadOnlyList<RenderedChart> Charts, IReadOnlyList<RenderedChart> Dropped)
{
    public static ChartSet Empty { get; } = new([], []);
}
