using ScottPlot;

namespace HomemadeML.Charts;

/// <summary>Cost J(θ) per iteration for one run or a sweep of runs.</summary>
public static class CostChart
{
    /// <summary>Above this ratio between the largest and smallest positive cost (two decades) the y axis becomes logarithmic.</summary>
    public const double LogScaleRatio = 100;

    /// <summary>Draws one labelled line per run; a diverged run ends in a red X and says "diverged" in the legend.</summary>
    /// <param name="runs">At least one run.</param>
    /// <param name="title">Chart title, e.g. "Linear regression: cost per iteration".</param>
    /// <param name="costName">What the y axis measures.</param>
    /// <param name="xLabel">What the x axis counts (iterations for gradient methods, steps for k-means).</param>
    public static RenderedChart Render(IReadOnlyList<CostSeries> runs, string title = "Cost per iteration",
        string costName = "cost J(θ)", string xLabel = "iteration")
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("At least one run is needed; got none.", nameof(runs));
        }

        var finite = runs.Select(r => FinitePrefix(r.Costs)).ToArray();
        var positive = finite.SelectMany(c => c).Where(c => c > 0).ToArray();
        var anyNonPositive = finite.SelectMany(c => c).Any(c => c <= 0);
        var useLog = !anyNonPositive && positive.Length > 1 && positive.Max() / positive.Min() > LogScaleRatio;

        var plot = ChartCanvas.Create(title, xLabel, useLog ? costName + " (log scale)" : costName);
        var descriptions = new List<string>();
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var costs = finite[i];
            var color = ChartCanvas.ClassColor(i);
            var diverged = run.Diverged || costs.Length < run.Costs.Count;
            var label = diverged ? $"{run.Label} (diverged)" : run.Label;
            if (costs.Length == 0)
            {
                descriptions.Add($"{run.Label}: no finite cost (diverged at once)");
                continue;
            }

            var xs = Enumerable.Range(1, costs.Length).Select(x => (double)x).ToArray();
            var ys = useLog ? costs.Select(Math.Log10).ToArray() : costs;
            var line = plot.Add.ScatterLine(xs, ys, color);
            line.LineWidth = 2;
            line.LegendText = label;
            if (diverged)
            {
                line.LinePattern = LinePattern.Dashed;
                var mark = plot.Add.Marker(xs[^1], ys[^1], MarkerShape.Eks, 16, Colors.Red);
                mark.MarkerLineWidth = 3;
                descriptions.Add($"{run.Label}: diverged after {costs.Length} finite iterations (last finite cost {ChartCanvas.Format(costs[^1])})");
            }
            else
            {
                descriptions.Add($"{run.Label}: cost {ChartCanvas.Format(costs[0])} → {ChartCanvas.Format(costs[^1])} over {costs.Length} iterations");
            }
        }

        if (useLog)
        {
            plot.Axes.Left.TickGenerator = DecadeTicks(positive.Min(), positive.Max());
        }

        // Iterations are whole numbers: no "2.5" ticks on a short run.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

        plot.ShowLegend(Alignment.UpperRight);
        var description = $"{title}{(useLog ? " (log-scale y)" : "")}: " + string.Join("; ", descriptions) + ".";
        return ChartCanvas.Render(plot, "cost", title, description);
    }

    private static double[] FinitePrefix(IReadOnlyList<double> costs)
    {
        var n = 0;
        while (n < costs.Count && double.IsFinite(costs[n]))
        {
            n++;
        }

        return [.. costs.Take(n)];
    }

    /// <summary>Major ticks at each power of ten labelled 10ⁿ-style, minor ticks at 2…9 × 10ⁿ.</summary>
    private static ScottPlot.TickGenerators.NumericManual DecadeTicks(double min, double max)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var decade = (int)Math.Floor(Math.Log10(min)); decade <= (int)Math.Ceiling(Math.Log10(max)); decade++)
        {
            ticks.AddMajor(decade, FormatDecade(decade));
            for (var m = 2; m <= 9; m++)
            {
                ticks.AddMinor(decade + Math.Log10(m));
            }
        }

        return ticks;
    }

    private static string FormatDecade(int decade) =>
        decade is >= -2 and <= 4
            ? Math.Pow(10, decade).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)
            : "1e" + decade.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
