using ScottPlot;

namespace HomemadeML.Charts;

/// <summary>compare_algorithms with run=true: the measured metric and the training time per algorithm, side by side.</summary>
public static class ComparisonChart
{
    /// <summary>Metric bars on the left axis, training-time bars on the right axis, one group per algorithm.</summary>
    /// <param name="results">At least one algorithm.</param>
    /// <param name="title">Chart title.</param>
    public static RenderedChart Render(IReadOnlyList<AlgorithmComparison> results, string title = "Algorithms compared")
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException("results is empty; at least one algorithm is needed.", nameof(results));
        }

        var metricNames = string.Join(" / ", results.Select(r => r.MetricName).Distinct(StringComparer.Ordinal));
        var plot = ChartCanvas.Create(title, "algorithm", metricNames);
        var metricBars = new List<Bar>();
        var timeBars = new List<Bar>();
        var metricColor = ChartCanvas.ClassColor(0);
        var timeColor = ChartCanvas.ClassColor(1);
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            metricBars.Add(new Bar
            {
                Position = i - 0.2, Value = r.Metric, Size = 0.38, FillColor = metricColor,
                Label = ChartCanvas.Format(r.Metric), LineWidth = 0,
            });
            timeBars.Add(new Bar
            {
                Position = i + 0.2, Value = r.TrainingSeconds, Size = 0.38, FillColor = timeColor,
                Label = FormatSeconds(r.TrainingSeconds), LineWidth = 0,
            });
        }

        var metric = plot.Add.Bars(metricBars);
        metric.LegendText = metricNames;
        metric.ValueLabelStyle.FontSize = 12;
        var time = plot.Add.Bars(timeBars);
        time.LegendText = "training time (s, right axis)";
        time.ValueLabelStyle.FontSize = 12;
        time.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "training time (s)";
        plot.Axes.Right.Label.FontSize = 14;
        plot.Axes.Right.TickLabelStyle.FontSize = 12;

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < results.Count; i++)
        {
            ticks.AddMajor(i, results[i].Algorithm);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Axes.SetLimitsX(-0.6, results.Count - 0.4);
        plot.Axes.Margins(bottom: 0, top: 0.2);
        plot.Axes.SetLimitsY(Math.Min(0, results.Min(r => r.Metric)), Math.Max(results.Max(r => r.Metric), 1e-9) * 1.2, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Math.Max(results.Max(r => r.TrainingSeconds), 1e-6) * 1.2, plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.85);

        var parts = results.Select(r => $"{r.Algorithm}: {r.MetricName} {ChartCanvas.Format(r.Metric)} in {FormatSeconds(r.TrainingSeconds)}");
        var description = $"{title}: {string.Join("; ", parts)}.";
        return ChartCanvas.Render(plot, "comparison", title, description);
    }

    private static string FormatSeconds(double seconds) =>
        seconds < 1 ? $"{seconds * 1000:0} ms" : $"{seconds:0.##} s";
}
