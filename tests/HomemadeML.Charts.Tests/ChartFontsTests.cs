using HomemadeML.Charts;

namespace HomemadeML.Charts.Tests;

public class ChartFontsTests
{
    [Fact]
    public void EnsureRegistered_Always_ReturnsEmbeddedDejaVuWithGreekGlyphs()
    {
        var typeface = ChartFonts.EnsureRegistered();

        Assert.Equal(ChartFonts.FamilyName, typeface.FamilyName);
        Assert.True(typeface.ContainsGlyphs("θΣεαλ∑Jx²"));
    }

    [Fact]
    public void EnsureRegistered_AnyRequestedFamily_ResolvesToTheEmbeddedFace()
    {
        var embedded = ChartFonts.EnsureRegistered();

        // Whatever a plottable asks for, the machine's fonts are never consulted.
        Assert.Same(embedded, ScottPlot.Fonts.GetTypeface("Some Font Nobody Has", bold: true, italic: false));
        Assert.Equal(ChartFonts.FamilyName, ScottPlot.Fonts.Default);
    }
}
