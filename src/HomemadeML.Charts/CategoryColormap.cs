using ScottPlot;

namespace HomemadeML.Charts;

/// <summary>A heat-map colour map with one flat colour per class index (0 … count-1), for decision regions.</summary>
internal sealed class CategoryColormap(IReadOnlyList<Color> colors) : IColormap
{
    public string Name => "categories";

    public Color GetColor(double normalizedIntensity)
    {
        if (double.IsNaN(normalizedIntensity))
        {
            return Colors.White;
        }

        var index = (int)Math.Round(Math.Clamp(normalizedIntensity, 0, 1) * (colors.Count - 1));
        return colors[index];
    }
}
