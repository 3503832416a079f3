using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace HomemadeML.Charts;

/// <summary>
/// Registers the DejaVu Sans font embedded in this assembly with ScottPlot, so a machine with no
/// fontconfig or system fonts (a container, a CI runner) draws the same glyphs, θ Σ ε included.
/// </summary>
public static class ChartFonts
{
    /// <summary>The family name every chart asks for.</summary>
    public const string FamilyName = "DejaVu Sans";

    private const string ResourceName = "HomemadeML.Charts.Fonts.DejaVuSans.ttf";

    private static readonly Lazy<SKTypeface> Typeface = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Loads and registers the embedded font once; cheap on every later call.</summary>
    /// <returns>The embedded typeface.</returns>
    public static SKTypeface EnsureRegistered() => Typeface.Value;

    private static SKTypeface Register()
    {
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded font '{ResourceName}' is missing from {typeof(ChartFonts).Assembly.GetName().Name}.");
        // Not disposed: the typeface lives for the process and keeps reading from this data.
        var data = SKData.Create(stream);
        var typeface = SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"Embedded font '{ResourceName}' could not be read by Skia.");

        // First in the chain: every family ScottPlot asks for (default, sans, monospace, bold or not)
        // resolves to the embedded face, so nothing depends on what the machine has installed.
        Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver(typeface));
        Fonts.Default = FamilyName;
        Fonts.Sans = FamilyName;
        Fonts.Monospace = FamilyName;
        return typeface;
    }

    private sealed class EmbeddedFontResolver(SKTypeface typeface) : IFontResolver
    {
        public SKTypeface CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => typeface;

        public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) => typeface;
    }
}
