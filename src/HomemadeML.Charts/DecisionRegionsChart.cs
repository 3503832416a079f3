using HomemadeML.Engine.LinearAlgebra;
using ScottPlot;

namespace HomemadeML.Charts;

/// <summary>Two-feature classification: points coloured by class over the regions the model assigns to each class.</summary>
public static class DecisionRegionsChart
{
    /// <summary>Grid cells per side: boundaries look smooth at 800 px and the PNG stays small (flat colour areas).</summary>
    public const int GridResolution = 200;

    /// <summary>Renders the decision regions of <paramref name="predict"/> with the labelled points on top.</summary>
    /// <param name="points">Examples with exactly two feature columns (raw units, as the model takes them).</param>
    /// <param name="labels">True class index of each example.</param>
    /// <param name="classNames">Name per class index.</param>
    /// <param name="predict">The trained model's class prediction for a two-column matrix.</param>
    /// <param name="featureNames">Names of the two features (axis labels).</param>
    /// <param name="title">Chart title.</param>
    public static RenderedChart Render(Matrix points, IReadOnlyList<int> labels, IReadOnlyList<string> classNames,
        Func<Matrix, int[]> predict, IReadOnlyList<string> featureNames, string title = "Decision regions")
    {
        ChartArguments.RequireColumns(points, 2, nameof(points));
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(predict);
        ArgumentNullException.ThrowIfNull(featureNames);
        ChartArguments.RequireSameLength(points.Rows, nameof(points), labels.Count, nameof(labels));
        if (featureNames.Count != 2)
        {
            throw new ArgumentException($"featureNames has {featureNames.Count} entries; exactly 2 are allowed.", nameof(featureNames));
        }

        var classCount = classNames.Count;
        var grid = new PlaneGrid(points, GridResolution);
        var regions = predict(grid.Points);
        var plot = ChartCanvas.Create(title, featureNames[0], featureNames[1]);

        var regionColors = Enumerable.Range(0, classCount).Select(c => ChartCanvas.ClassColor(c).MixedWith(Colors.White, 0.72)).ToArray();
        var heatmap = plot.Add.Heatmap(grid.ToCells([.. regions.Select(r => (double)r)]));
        heatmap.Rectangle = grid.Extent;
        heatmap.Colormap = new CategoryColormap(regionColors);
        heatmap.ManualRange = new ScottPlot.Range(0, Math.Max(classCount - 1, 1));

        var correct = 0;
        var predictedPoints = predict(points);
        for (var c = 0; c < classCount; c++)
        {
            var members = Enumerable.Range(0, points.Rows).Where(i => labels[i] == c).ToArray();
            correct += members.Count(i => predictedPoints[i] == c);
            if (members.Length == 0)
            {
                continue;
            }

            var scatter = plot.Add.ScatterPoints(members.Select(i => points[i, 0]).ToArray(), members.Select(i => points[i, 1]).ToArray(), ChartCanvas.ClassColor(c));
            scatter.MarkerSize = 7;
            scatter.MarkerShape = MarkerShape.FilledCircle;
            scatter.LegendText = classNames[c];
        }

        plot.Axes.SetLimits(grid.XMin, grid.XMax, grid.YMin, grid.YMax);
        // Outside the data area, so no point hides behind it.
        plot.ShowLegend(Edge.Right);

        var shares = Enumerable.Range(0, classCount)
            .Select(c => $"{classNames[c]} {100.0 * regions.Count(r => r == c) / regions.Length:0}%");
        var description = $"{title}: {points.Rows} examples plotted by {featureNames[0]} and {featureNames[1]}, coloured by true class, "
            + $"over the model's decision regions (share of the plotted area: {string.Join(", ", shares)}); "
            + $"{correct} of {points.Rows} examples ({100.0 * correct / points.Rows:0.#}%) fall in their own class's region.";
        return ChartCanvas.Render(plot, "decision-regions", title, description);
    }
}
