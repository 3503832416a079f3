using System.Globalization;
using HomemadeML.Engine.LinearAlgebra;
using ScottPlot;

namespace HomemadeML.Charts;

/// <summary>Gaussian anomaly detection pictures: the density landscape with flagged points, and the threshold search.</summary>
public static class AnomalyCharts
{
    /// <summary>Grid cells per side for the density background and contours.</summary>
    public const int GridResolution = 100;

    /// <summary>Number of log-density contour lines.</summary>
    public const int ContourCount = 7;

    /// <summary>Log-density contours over two features, the ε boundary in red, and flagged anomalies ringed in red.</summary>
    /// <param name="x">Examples with exactly two feature columns (raw units).</param>
    /// <param name="logDensity">The trained model's log p(x) for a two-column matrix.</param>
    /// <param name="logEpsilon">The threshold: examples with log p(x) below it are flagged.</param>
    /// <param name="flagged">Whether each example was flagged.</param>
    /// <param name="featureNames">Names of the two features.</param>
    /// <param name="title">Chart title.</param>
    public static RenderedChart DensityContours(Matrix x, Func<Matrix, double[]> logDensity, double logEpsilon, IReadOnlyList<bool> flagged,
        IReadOnlyList<string> featureNames, string title = "Gaussian density and flagged anomalies")
    {
        ChartArguments.RequireColumns(x, 2, nameof(x));
        ArgumentNullException.ThrowIfNull(logDensity);
        ArgumentNullException.ThrowIfNull(flagged);
        ArgumentNullException.ThrowIfNull(featureNames);
        ChartArguments.RequireSameLength(x.Rows, nameof(x), flagged.Count, nameof(flagged));
        if (featureNames.Count != 2)
        {
            throw new ArgumentException($"featureNames has {featureNames.Count} entries; exactly 2 are allowed.", nameof(featureNames));
        }

        var grid = new PlaneGrid(x, GridResolution);
        var surface = logDensity(grid.Points);
        var peak = surface.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var dataDensity = logDensity(x).Where(double.IsFinite).DefaultIfEmpty(peak).ToArray();

        // Far-away cells have hugely negative log p; clamp the colour scale a little below the lowest
        // example (or ε) so the data's neighbourhood uses the whole colour range.
        var floor = Math.Min(dataDensity.Min(), double.IsFinite(logEpsilon) ? logEpsilon : dataDensity.Min());
        floor -= Math.Max(1, (peak - floor) * 0.1);
        var clamped = surface.Select(v => double.IsFinite(v) ? Math.Max(v, floor) : floor).ToArray();

        var plot = ChartCanvas.Create(title, featureNames[0], featureNames[1]);
        var coordinates = new Coordinates3d[GridResolution, GridResolution];
        for (var row = 0; row < GridResolution; row++)
        {
            for (var column = 0; column < GridResolution; column++)
            {
                // Contours expect y increasing with the first index.
                var r = GridResolution - 1 - row;
                coordinates[row, column] = new Coordinates3d(grid.X(column), grid.Y(r), clamped[(r * GridResolution) + column]);
            }
        }

        // Contour lines only (no filled background): reads like homemade's matplotlib contour plot and stays small.
        var levels = plot.Add.ContourLines(coordinates, ContourCount);
        // Levels strictly inside (floor, peak): the clamped plateau far from the data must not draw a jagged ring.
        levels.ContourLineLevels = [.. Enumerable.Range(0, ContourCount).Select(i => floor + ((peak - floor) * (i + 0.5) / ContourCount))];
        levels.Update(coordinates);
        levels.Colormap = new ScottPlot.Colormaps.Viridis();
        levels.LineWidth = 1.5f;
        levels.LabelStyle.IsVisible = false;
        if (double.IsFinite(logEpsilon) && logEpsilon > floor && logEpsilon < peak)
        {
            var boundary = plot.Add.ContourLines(coordinates, 1);
            boundary.ContourLineLevels = [logEpsilon];
            boundary.Update(coordinates);
            boundary.LineColor = Colors.Red;
            boundary.LineWidth = 2;
            boundary.LineStyle.Pattern = LinePattern.Dashed;
            boundary.LabelStyle.IsVisible = false;
        }

        var normal = Enumerable.Range(0, x.Rows).Where(i => !flagged[i]).ToArray();
        var anomalies = Enumerable.Range(0, x.Rows).Where(i => flagged[i]).ToArray();
        var normalPoints = plot.Add.ScatterPoints(normal.Select(i => x[i, 0]).ToArray(), normal.Select(i => x[i, 1]).ToArray(), Colors.Black.WithAlpha(0.75));
        normalPoints.MarkerSize = 5;
        normalPoints.LegendText = $"normal ({normal.Length})";
        if (anomalies.Length > 0)
        {
            var flaggedPoints = plot.Add.ScatterPoints(anomalies.Select(i => x[i, 0]).ToArray(), anomalies.Select(i => x[i, 1]).ToArray(), Colors.Red);
            flaggedPoints.MarkerShape = MarkerShape.OpenCircle;
            flaggedPoints.MarkerSize = 14;
            flaggedPoints.MarkerLineWidth = 2.5f;
            flaggedPoints.LegendText = $"flagged anomaly ({anomalies.Length})";
        }

        var legendContours = plot.Add.ScatterLine(Array.Empty<double>(), Array.Empty<double>(), new ScottPlot.Colormaps.Viridis().GetColor(0.5));
        legendContours.LegendText = "log p(x) contours";
        var legendBoundary = plot.Add.ScatterLine(Array.Empty<double>(), Array.Empty<double>(), Colors.Red);
        legendBoundary.LinePattern = LinePattern.Dashed;
        legendBoundary.LineWidth = 2;
        legendBoundary.LegendText = string.Create(CultureInfo.InvariantCulture, $"threshold log ε = {logEpsilon:0.##}");
        plot.Axes.SetLimits(grid.XMin, grid.XMax, grid.YMin, grid.YMax);
        // Outside the data area, so no point hides behind it.
        plot.ShowLegend(Edge.Right);

        var description = $"{title}: {x.Rows} examples by {featureNames[0]} and {featureNames[1]} over the model's log-density contours "
            + $"(peak log p {ChartCanvas.Format(peak)}); the dashed red contour is the threshold log ε = {ChartCanvas.Format(logEpsilon)} "
            + $"(ε = {ChartCanvas.Format(Math.Exp(logEpsilon))}) and {anomalies.Length} examples below it are ringed in red as anomalies.";
        return ChartCanvas.Render(plot, "density", title, description);
    }

    /// <summary>Precision, recall and F1 against log ε from the threshold search, with the chosen ε marked.</summary>
    /// <param name="logEpsilons">Candidate thresholds (natural log of ε), ascending or not.</param>
    /// <param name="precision">Precision at each candidate.</param>
    /// <param name="recall">Recall at each candidate.</param>
    /// <param name="f1">F1 at each candidate.</param>
    /// <param name="chosenLogEpsilon">The selected log ε (highest F1).</param>
    /// <param name="title">Chart title.</param>
    public static RenderedChart ThresholdCurve(IReadOnlyList<double> logEpsilons, IReadOnlyList<double> precision, IReadOnlyList<double> recall,
        IReadOnlyList<double> f1, double chosenLogEpsilon, string title = "Choosing ε: precision, recall and F1")
    {
        ArgumentNullException.ThrowIfNull(logEpsilons);
        ArgumentNullException.ThrowIfNull(precision);
        ArgumentNullException.ThrowIfNull(recall);
        ArgumentNullException.ThrowIfNull(f1);
        ChartArguments.RequireSameLength(logEpsilons.Count, nameof(logEpsilons), precision.Count, nameof(precision));
        ChartArguments.RequireSameLength(logEpsilons.Count, nameof(logEpsilons), recall.Count, nameof(recall));
        ChartArguments.RequireSameLength(logEpsilons.Count, nameof(logEpsilons), f1.Count, nameof(f1));
        if (logEpsilons.Count == 0)
        {
            throw new ArgumentException("logEpsilons is empty; at least one candidate is needed.", nameof(logEpsilons));
        }

        var order = Enumerable.Range(0, logEpsilons.Count).OrderBy(i => logEpsilons[i]).ToArray();
        var xs = order.Select(i => logEpsilons[i]).ToArray();
        var plot = ChartCanvas.Create(title, "log ε (natural log of the density threshold)", "score");
        AddCurve(plot, xs, order.Select(i => precision[i]).ToArray(), "precision", ChartCanvas.ClassColor(0), 2);
        AddCurve(plot, xs, order.Select(i => recall[i]).ToArray(), "recall", ChartCanvas.ClassColor(1), 2);
        AddCurve(plot, xs, order.Select(i => f1[i]).ToArray(), "F1", ChartCanvas.ClassColor(2), 3);

        var best = Enumerable.Range(0, logEpsilons.Count).MinBy(i => Math.Abs(logEpsilons[i] - chosenLogEpsilon));
        var line = plot.Add.VerticalLine(chosenLogEpsilon, 2, Colors.Red, LinePattern.Dashed);
        line.LegendText = string.Create(CultureInfo.InvariantCulture, $"chosen log ε = {chosenLogEpsilon:0.##}\n(F1 {f1[best]:0.###})");
        plot.Add.Marker(chosenLogEpsilon, f1[best], MarkerShape.FilledCircle, 10, Colors.Red);
        plot.Axes.SetLimitsY(-0.05, 1.1);
        plot.ShowLegend(Edge.Right);

        var description = $"{title}: {logEpsilons.Count} candidate thresholds from log ε = {ChartCanvas.Format(xs[0])} to {ChartCanvas.Format(xs[^1])}; "
            + $"the chosen log ε = {ChartCanvas.Format(chosenLogEpsilon)} (ε = {ChartCanvas.Format(Math.Exp(chosenLogEpsilon))}) gives "
            + $"precision {precision[best]:0.###}, recall {recall[best]:0.###}, F1 {f1[best]:0.###}.";
        return ChartCanvas.Render(plot, "threshold", title, description);
    }

    private static void AddCurve(Plot plot, double[] xs, double[] ys, string label, Color color, float width)
    {
        var curve = plot.Add.ScatterLine(xs, ys, color);
        curve.LineWidth = width;
        curve.LegendText = label;
    }
}
