using ScottPlot;

namespace HomemadeML.Charts;

/// <summary>The confusion matrix as a heat map with the count in every cell (rows: true class, columns: predicted).</summary>
public static class ConfusionMatrixChart
{
    /// <summary>Renders counts[true, predicted].</summary>
    /// <param name="counts">Square matrix of counts, counts[t, p] = examples of class t predicted as p.</param>
    /// <param name="classNames">Name per class index; length must equal the matrix size.</param>
    /// <param name="title">Chart title.</param>
    public static RenderedChart Render(int[,] counts, IReadOnlyList<string> classNames, string title = "Confusion matrix")
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(classNames);
        var k = counts.GetLength(0);
        if (counts.GetLength(1) != k || k == 0)
        {
            throw new ArgumentException($"counts is {counts.GetLength(0)}×{counts.GetLength(1)}; a non-empty square matrix is allowed.", nameof(counts));
        }

        ChartArguments.RequireSameLength(k, nameof(counts), classNames.Count, nameof(classNames));

        var plot = ChartCanvas.Create(title, "predicted class", "true class");
        var cells = new double[k, k];
        var max = 1;
        for (var t = 0; t < k; t++)
        {
            for (var p = 0; p < k; p++)
            {
                cells[t, p] = counts[t, p];
                max = Math.Max(max, counts[t, p]);
            }
        }

        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Rectangle = new CoordinateRect(-0.5, k - 0.5, -0.5, k - 0.5);
        heatmap.Colormap = new ScottPlot.Colormaps.Reversed(new ScottPlot.Colormaps.Blues());
        heatmap.ManualRange = new ScottPlot.Range(0, max);
        var fontSize = k <= 5 ? 16 : k <= 10 ? 12 : 9;
        for (var t = 0; t < k; t++)
        {
            for (var p = 0; p < k; p++)
            {
                var text = plot.Add.Text(counts[t, p].ToString(System.Globalization.CultureInfo.InvariantCulture), p, k - 1 - t);
                text.Alignment = Alignment.MiddleCenter;
                text.LabelFontSize = fontSize;
                text.LabelBold = t == p;
                // Dark cells get white digits so every count stays readable.
                text.LabelFontColor = counts[t, p] > max * 0.5 ? Colors.White : Colors.Black;
            }
        }

        var bottom = new ScottPlot.TickGenerators.NumericManual();
        var left = new ScottPlot.TickGenerators.NumericManual();
        for (var c = 0; c < k; c++)
        {
            bottom.AddMajor(c, classNames[c]);
            left.AddMajor(k - 1 - c, classNames[c]);
        }

        plot.Axes.Bottom.TickGenerator = bottom;
        plot.Axes.Left.TickGenerator = left;
        if (classNames.Any(n => n.Length > 3) && k > 4)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            // Room for the slanted names, so they do not run into the axis label.
            plot.Axes.Bottom.MinimumSize = 85;
        }

        plot.Grid.IsVisible = false;
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        var colorbar = plot.Add.ColorBar(heatmap);
        colorbar.Label = "examples";

        var total = 0;
        var correct = 0;
        var worst = (Count: 0, True: 0, Predicted: 0);
        for (var t = 0; t < k; t++)
        {
            for (var p = 0; p < k; p++)
            {
                total += counts[t, p];
                if (t == p)
                {
                    correct += counts[t, p];
                }
                else if (counts[t, p] > worst.Count)
                {
                    worst = (counts[t, p], t, p);
                }
            }
        }

        var confusion = worst.Count > 0
            ? $" The most common mistake: {worst.Count} × {classNames[worst.True]} predicted as {classNames[worst.Predicted]}."
            : " There are no mistakes.";
        var description = $"{title}: {k}×{k} counts over {total} examples (rows true class, columns predicted); "
            + $"{correct} on the diagonal ({(total > 0 ? 100.0 * correct / total : 0):0.#}% correct).{confusion}";
        return ChartCanvas.Render(plot, "confusion-matrix", title, description);
    }
}
