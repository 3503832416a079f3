using System.Globalization;
using System.Text;

namespace HomemadeML.Skill.Services;

/// <summary>The readable Markdown of a run, for the text content next to the structured result.</summary>
public static class RunMarkdown
{
    public static string Render(RunReport run)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## {run.Algorithm} on {run.Dataset.Name}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{run.Dataset.Rows} rows × {run.Dataset.Features} features{(run.Dataset.Classes > 0 ? $", {run.Dataset.Classes} classes" : "")}; trained on {run.Dataset.TrainRows}, tested on {run.Dataset.TestRows} (seed {run.Seed}). ");
        text.Append(CultureInfo.InvariantCulture, $"Training took {run.TrainingMs:F0} ms, {run.IterationsRun} iterations, stop reason: {run.StopReason.Replace('_', ' ')}.\n\n");
        text.Append("| metric | train | test |\n|---|---|---|\n");
        foreach (var (name, value) in run.Metrics.Train)
        {
            string test = run.Metrics.Test is { } t && t.TryGetValue(name, out var v) ? Number(v) : "–";
            text.Append(CultureInfo.InvariantCulture, $"| {name} | {Number(value)} | {test} |\n");
        }

        if (run.CostHistory.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nCost: {Number(run.CostHistory[0].Cost)} at iteration {run.CostHistory[0].Iteration} → {Number(run.CostHistory[^1].Cost)} at iteration {run.CostHistory[^1].Iteration}.\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n**Reading:** {run.Reading}\n\n");
        text.Append("Hyperparameters used: ").Append(string.Join(", ", run.Hyperparameters.Select(p => $"{p.Key} = {Value(p.Value)}"))).Append('\n');
        if (run.SamplePredictions.Count > 0)
        {
            text.Append("\nSample predictions: ").Append(string.Join("; ", run.SamplePredictions.Select(s => $"row {s.Row}: {s.Actual} → {s.Predicted}"))).Append('\n');
        }

        if (run.Notebook is { } notebook)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nTry it in a notebook: [{notebook.Title}]({notebook.Binder}) (Binder) · [nbviewer]({notebook.Nbviewer})\n");
        }

        return text.ToString();
    }

    public static string Render(SweepReport sweep)
    {
        var text = new StringBuilder($"## Sweep of {sweep.Parameter} for {sweep.Algorithm}\n\n| {sweep.Parameter} | stop | iterations | final cost | metrics (test or train) | ms |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < sweep.Runs.Count; i++)
        {
            var run = sweep.Runs[i];
            var metrics = run.Metrics.Test ?? run.Metrics.Train;
            text.Append(CultureInfo.InvariantCulture,
                $"| {sweep.Values[i]} | {run.StopReason.Replace('_', ' ')} | {run.IterationsRun} | {(run.CostHistory.Count > 0 ? Number(run.CostHistory[^1].Cost) : "–")} | {string.Join(", ", metrics.Select(m => $"{m.Key} {Number(m.Value)}"))} | {run.TrainingMs:F0} |\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"\n**Reading:** {sweep.Reading}\n").ToString();
    }

    private static string Number(double value) => value.ToString("G5", CultureInfo.InvariantCulture);

    private static string Value(object value) => value switch
    {
        int[] list => "[" + string.Join(", ", list) + "]",
        double d => Number(d),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
