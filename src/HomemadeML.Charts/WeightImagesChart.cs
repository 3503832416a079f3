using HomemadeML.Engine.Data;
using HomemadeML.Engine.LinearAlgebra;
using ScottPlot;

namespace HomemadeML.Charts;

/// <summary>
/// The first hidden layer of a perceptron seen as pictures: each hidden unit's input weights reshaped to the
/// input image, so the learner sees which pixels excite (red) or inhibit (blue) that unit.
/// </summary>
public static class WeightImagesChart
{
    /// <summary>At most this many units are drawn (homemade's MNIST net has 25 hidden units).</summary>
    public const int MaxUnits = 32;

    /// <summary>Renders one tile per hidden unit.</summary>
    /// <param name="firstLayerWeights">hidden × (inputs + 1) with the bias in column 0 (the engine's layout).</param>
    /// <param name="shape">The input image shape; inputs must equal Width × Height.</param>
    /// <param name="title">Chart title.</param>
    public static RenderedChart Render(Matrix firstLayerWeights, ImageShape shape, string title = "First hidden layer weights")
    {
        ArgumentNullException.ThrowIfNull(firstLayerWeights);
        var inputs = shape.Width * shape.Height;
        ChartArguments.RequireColumns(firstLayerWeights, inputs + 1, nameof(firstLayerWeights));

        var units = Math.Min(firstLayerWeights.Rows, MaxUnits);
        var (columns, rows) = ImageTiles.Layout(units, shape.Height / (double)shape.Width);
        var plot = ChartCanvas.Create(title, "", "");
        IColormap colormap = new ScottPlot.Colormaps.Balance();
        var largest = 0.0;
        for (var u = 0; u < units; u++)
        {
            // Each unit gets its own symmetric range so weak units still show their pattern; white = 0.
            var weights = firstLayerWeights.Row(u)[1..];
            var scale = 0.0;
            foreach (var w in weights)
            {
                scale = Math.Max(scale, Math.Abs(w));
            }

            largest = Math.Max(largest, scale);
            scale = scale > 0 ? scale : 1;
            ImageTiles.Add(plot, u, columns, weights, shape.Width, shape.Height, colormap, new ScottPlot.Range(-scale, scale),
                $"unit {u + 1}", Colors.Black, frame: false);
        }

        ImageTiles.Finish(plot, columns, rows, shape.Height / (double)shape.Width);
        plot.Title($"{title} (red +, blue −)");
        var description = $"{title}: {units} of {firstLayerWeights.Rows} hidden units, each unit's {inputs} input weights drawn as a "
            + $"{shape.Width}×{shape.Height} image (red = positive, blue = negative, white = 0, each tile scaled to its own largest |w|); "
            + $"the largest |weight| is {ChartCanvas.Format(largest)}.";
        return ChartCanvas.Render(plot, "hidden-weights", title, description);
    }
}
