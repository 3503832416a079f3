using HomemadeML.Engine.LinearAlgebra;
using ScottPlot;

namespace HomemadeML.Charts;

/// <summary>K-means: points coloured by cluster, the final centroids, and each centroid's path over the iterations.</summary>
public static class KMeansChart
{
    /// <summary>Renders the clustering; with more than two features it projects onto the two highest-variance ones and says so in the title.</summary>
    /// <param name="x">The clustered examples (raw units).</param>
    /// <param name="assignments">Cluster index per example.</param>
    /// <param name="centroidPath">Centroids (k × features) after each iteration, the last being the final centroids; may be a single entry.</param>
    /// <param name="featureNames">One name per column of <paramref name="x"/>.</param>
    /// <param name="title">Chart title.</param>
    public static RenderedChart Render(Matrix x, IReadOnlyList<int> assignments, IReadOnlyList<Matrix> centroidPath,
        IReadOnlyList<string> featureNames, string title = "K-means clusters")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(centroidPath);
        ArgumentNullException.ThrowIfNull(featureNames);
        ChartArguments.RequireSameLength(x.Rows, nameof(x), assignments.Count, nameof(assignments));
        ChartArguments.RequireSameLength(x.Columns, nameof(x), featureNames.Count, nameof(featureNames));
        if (centroidPath.Count == 0)
        {
            throw new ArgumentException("centroidPath is empty; at least the final centroids are needed.", nameof(centroidPath));
        }

        foreach (var step in centroidPath)
        {
            ChartArguments.RequireColumns(step, x.Columns, nameof(centroidPath));
        }

        var (a, b) = FeatureProjection.HighestVariance(x);
        var projected = x.Columns > 2;
        var fullTitle = projected ? $"{title} (projected on {featureNames[a]} × {featureNames[b]}, the highest-variance pair)" : title;
        var plot = ChartCanvas.Create(fullTitle, featureNames[a], featureNames[b]);
        if (projected)
        {
            plot.Title(fullTitle, size: 14);
        }

        var final = centroidPath[^1];
        var k = final.Rows;
        var sizes = new int[k];
        for (var c = 0; c < k; c++)
        {
            var members = Enumerable.Range(0, x.Rows).Where(i => assignments[i] == c).ToArray();
            sizes[c] = members.Length;
            if (members.Length == 0)
            {
                continue;
            }

            var scatter = plot.Add.ScatterPoints(members.Select(i => x[i, a]).ToArray(), members.Select(i => x[i, b]).ToArray(),
                ChartCanvas.ClassColor(c).WithAlpha(0.55));
            scatter.MarkerSize = 6;
            scatter.LegendText = $"cluster {c + 1} ({members.Length})";
        }

        for (var c = 0; c < k; c++)
        {
            var path = plot.Add.ScatterLine(centroidPath.Select(m => m[c, a]).ToArray(), centroidPath.Select(m => m[c, b]).ToArray(), Colors.Black);
            path.LineWidth = 1.5f;
            path.MarkerSize = 5;
            path.MarkerShape = MarkerShape.FilledCircle;
            if (c == 0)
            {
                path.LegendText = "centroid path";
            }

            var end = plot.Add.Marker(final[c, a], final[c, b], MarkerShape.FilledDiamond, 18, ChartCanvas.ClassColor(c));
            end.MarkerLineColor = Colors.Black;
            end.MarkerLineWidth = 2;
            if (c == 0)
            {
                end.LegendText = "final centroid";
            }
        }

        // Outside the data area, so no point hides behind it.
        plot.ShowLegend(Edge.Right);

        var centres = Enumerable.Range(0, k).Select(c => $"({ChartCanvas.Format(final[c, a])}, {ChartCanvas.Format(final[c, b])})");
        var description = $"{fullTitle}: {x.Rows} examples in {k} clusters of sizes {string.Join(", ", sizes)}; "
            + $"final centroids at {string.Join(", ", centres)} ({featureNames[a]}, {featureNames[b]}), "
            + $"black lines trace each centroid over {centroidPath.Count} recorded steps.";
        return ChartCanvas.Render(plot, "clusters", fullTitle, description);
    }
}
