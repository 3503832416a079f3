using ScottPlot;

namespace HomemadeML.Charts;

/// <summary>Lays small images out as a grid of heat-map tiles with a caption under each, axes hidden.</summary>
internal static class ImageTiles
{
    /// <summary>Gap between tiles, in pixels of the image (room for a caption below).</summary>
    private const double Gap = 0.25;
    private const double CaptionRoom = 0.6;

    /// <summary>
    /// Picks the column count that gives the biggest tiles on the plot area (roughly 784×420 px of the 800×500 canvas),
    /// preferring full rows on a tie.
    /// </summary>
    public static (int Columns, int Rows) Layout(int count, double aspect)
    {
        var best = (Columns: 1, Rows: count, Tile: 0.0, Empty: 0);
        for (var columns = 1; columns <= count; columns++)
        {
            var rows = (int)Math.Ceiling(count / (double)columns);
            var tile = Math.Min(784 / ((columns * (1 + Gap)) + Gap), 420 / ((rows * (aspect + CaptionRoom)) + Gap));
            var empty = (rows * columns) - count;
            if (tile > best.Tile + 1e-9 || (Math.Abs(tile - best.Tile) < 1e-9 && empty < best.Empty))
            {
                best = (columns, rows, tile, empty);
            }
        }

        return (best.Columns, best.Rows);
    }

    /// <summary>Adds tile <paramref name="index"/> of the layout; pixels are row-major, row 0 at the top.</summary>
    public static void Add(Plot plot, int index, int columns, ReadOnlySpan<double> pixels, int width, int height,
        IColormap colormap, ScottPlot.Range range, string caption, Color captionColor, bool frame)
    {
        var cells = new double[height, width];
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                cells[r, c] = pixels[(r * width) + c];
            }
        }

        // Tile units: one tile is 1 wide; its height keeps the image's aspect ratio.
        var aspect = height / (double)width;
        var cellWidth = 1 + Gap;
        var cellHeight = aspect + CaptionRoom;
        var column = index % columns;
        var row = index / columns;
        var left = column * cellWidth;
        var top = -row * cellHeight;
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Rectangle = new CoordinateRect(left, left + 1, top - aspect, top);
        heatmap.Colormap = colormap;
        heatmap.ManualRange = range;
        if (frame)
        {
            var rect = plot.Add.Rectangle(left - 0.04, left + 1.04, top - aspect - 0.04, top + 0.04);
            rect.FillColor = Colors.Transparent;
            rect.LineColor = captionColor;
            rect.LineWidth = 3;
        }

        var text = plot.Add.Text(caption, left + 0.5, top - aspect - 0.08);
        text.LabelFontColor = captionColor;
        text.LabelFontSize = 12;
        text.LabelBold = frame;
        text.Alignment = Alignment.UpperCenter;
    }

    /// <summary>Fixed margins (left, right, bottom, top; the top holds the title) so the data area's pixel size is known.</summary>
    private static readonly PixelPadding Margins = new(8, 8, 8, 42);

    public static void Finish(Plot plot, int columns, int rows, double aspect)
    {
        plot.HideAxesAndGrid();
        plot.Layout.Fixed(Margins);

        // Equal pixels per unit on both axes, so square images stay square: fit the tile block into the
        // known data area, then widen whichever range has room to spare, keeping the block centred.
        var areaWidth = ChartCanvas.Width - Margins.Left - Margins.Right;
        var areaHeight = ChartCanvas.Height - Margins.Top - Margins.Bottom;
        var left = -Gap;
        var right = columns * (1 + Gap);
        var bottom = -rows * (aspect + CaptionRoom);
        var top = Gap;
        var scale = Math.Min(areaWidth / (right - left), areaHeight / (top - bottom));
        var halfWidth = areaWidth / scale / 2;
        var halfHeight = areaHeight / scale / 2;
        var centreX = (left + right) / 2;
        var centreY = (top + bottom) / 2;
        plot.Axes.SetLimits(centreX - halfWidth, centreX + halfWidth, centreY - halfHeight, centreY + halfHeight);
    }
}
