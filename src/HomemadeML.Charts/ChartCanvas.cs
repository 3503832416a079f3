using ScottPlot;

namespace HomemadeML.Charts;

/// <summary>Shared plot set-up and the size-capped PNG export every chart goes through.</summary>
internal static class ChartCanvas
{
    /// <summary>Default picture size: the cap itself, wide enough for a legend beside the data.</summary>
    public const int Width = ChartLimits.MaxWidth;
    public const int Height = ChartLimits.MaxHeight;

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        ChartFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(ChartFonts.FamilyName);
        plot.Title(title, size: 17);
        plot.XLabel(xLabel, size: 14);
        plot.YLabel(yLabel, size: 14);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>
    /// Renders to PNG; if the bytes exceed <see cref="ChartLimits.MaxBytes"/> (a busy heat map), renders again
    /// smaller until it fits, so no caller ever gets an oversized picture.
    /// </summary>
    public static RenderedChart Render(Plot plot, string name, string title, string description, int width = Width, int height = Height)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, ChartLimits.MaxWidth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, ChartLimits.MaxHeight);
        var png = plot.GetImageBytes(width, height, ImageFormat.Png);
        while (png.Length > ChartLimits.MaxBytes && width > 200)
        {
            // Bytes scale roughly with area; 0.85 per side ≈ 0.72 of the area per attempt.
            width = (int)(width * 0.85);
            height = (int)(height * 0.85);
            png = plot.GetImageBytes(width, height, ImageFormat.Png);
        }

        return new RenderedChart(name, title, description, png);
    }

    /// <summary>Category colours (ScottPlot's Category10, the matplotlib default homemade's plots use).</summary>
    public static Color ClassColor(int index) => Palette.GetColor(index);

    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>Formats a number compactly for descriptions and labels (invariant culture).</summary>
    public static string Format(double value) =>
        double.IsFinite(value)
            ? (Math.Abs(value) >= 1e5 || (Math.Abs(value) < 1e-3 && value != 0)
                ? value.ToString("0.###e0", System.Globalization.CultureInfo.InvariantCulture)
                : value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture))
            : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
