using HomemadeML.Engine.Data;
using HomemadeML.Engine.LinearAlgebra;
using ScottPlot;

namespace HomemadeML.Charts;

/// <summary>Sample images (digits 8×8, Fashion-MNIST 28×28) with predicted and true labels; mistakes framed in red.</summary>
public static class ImageGridChart
{
    /// <summary>Default number of images: enough to see mistakes, few enough for readable captions at 800×500.</summary>
    public const int DefaultCount = 24;

    /// <summary>Renders the first <paramref name="count"/> examples, mistakes listed first so they are seen.</summary>
    /// <param name="images">One image per row, pixels row-major (dark ink = high value).</param>
    /// <param name="shape">Width and height of each image.</param>
    /// <param name="trueLabels">True class index per row.</param>
    /// <param name="predictedLabels">Predicted class index per row.</param>
    /// <param name="classNames">Name per class index (short names read best).</param>
    /// <param name="count">How many images to show (1–40).</param>
    /// <param name="title">Chart title.</param>
    public static RenderedChart Render(Matrix images, ImageShape shape, IReadOnlyList<int> trueLabels, IReadOnlyList<int> predictedLabels,
        IReadOnlyList<string> classNames, int count = DefaultCount, string title = "Sample predictions")
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(trueLabels);
        ArgumentNullException.ThrowIfNull(predictedLabels);
        ArgumentNullException.ThrowIfNull(classNames);
        ChartArguments.RequireColumns(images, shape.Width * shape.Height, nameof(images));
        ChartArguments.RequireSameLength(images.Rows, nameof(images), trueLabels.Count, nameof(trueLabels));
        ChartArguments.RequireSameLength(images.Rows, nameof(images), predictedLabels.Count, nameof(predictedLabels));
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 40);

        // Up to a third of the tiles go to mistakes (the interesting ones), the rest keep dataset order.
        var mistakes = Enumerable.Range(0, images.Rows).Where(i => trueLabels[i] != predictedLabels[i]).ToArray();
        var shownMistakes = mistakes.Take(count / 3).ToArray();
        var shown = shownMistakes.Concat(Enumerable.Range(0, images.Rows).Except(shownMistakes)).Take(count).Order().ToArray();
        var (columns, rows) = ImageTiles.Layout(shown.Length, shape.Height / (double)shape.Width);

        var plot = ChartCanvas.Create(title, "", "");
        var min = images.Data.Min();
        var max = images.Data.Max();
        var range = new ScottPlot.Range(min, max > min ? max : min + 1);
        IColormap colormap = new ScottPlot.Colormaps.GrayscaleReversed();
        for (var t = 0; t < shown.Length; t++)
        {
            var i = shown[t];
            var wrong = trueLabels[i] != predictedLabels[i];
            var caption = wrong
                ? $"{Short(classNames[predictedLabels[i]])} ✗\n(true {Short(classNames[trueLabels[i]])})"
                : Short(classNames[predictedLabels[i]]);
            ImageTiles.Add(plot, t, columns, images.Row(i), shape.Width, shape.Height, colormap, range, caption,
                wrong ? Colors.Red : Colors.Black, wrong);
        }

        ImageTiles.Finish(plot, columns, rows, shape.Height / (double)shape.Width);
        var shownWrong = shown.Count(i => trueLabels[i] != predictedLabels[i]);
        plot.Title($"{title}: prediction (true label if wrong)");
        var accuracy = 100.0 * (images.Rows - mistakes.Length) / images.Rows;
        var description = $"{title}: {shown.Length} of {images.Rows} {shape.Width}×{shape.Height} images with the predicted label under each; "
            + $"{shownWrong} shown are mistakes (framed in red, true label in brackets). Over all {images.Rows} images "
            + $"{mistakes.Length} are misclassified ({accuracy:0.#}% correct).";
        return ChartCanvas.Render(plot, "samples", title, description);
    }

    /// <summary>Trims long class names ("T-shirt/top" → "T-shirt", at most 10 characters) so captions fit under a tile.</summary>
    private static string Short(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var trimmed = slash > 0 ? name[..slash] : name;
        return trimmed.Length > 10 ? trimmed[..10] : trimmed;
    }
}
