using System.Buffers.Binary;
using System.IO.Compression;
using HomemadeML.Charts;

namespace HomemadeML.Charts.Tests;

/// <summary>
/// Decodes a chart's PNG far enough to prove it is a real, size-capped picture: signature, IHDR size,
/// byte cap, and inflated pixel rows that are not one flat colour. Optionally saves it for a human to look at.
/// </summary>
internal static class PngAssert
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Set this environment variable to a folder to get every rendered chart written there.</summary>
    public const string OutputFolderVariable = "HOMEMADE_ML_CHART_DIR";

    public static (int Width, int Height) IsValidChart(RenderedChart chart, string? fileStem = null)
    {
        Assert.False(string.IsNullOrWhiteSpace(chart.Title));
        Assert.False(string.IsNullOrWhiteSpace(chart.Description));
        Assert.Matches("^[a-z0-9-]+$", chart.Name);
        var png = chart.Png;
        Assert.True(png.Length <= ChartLimits.MaxBytes, $"{chart.Name}: {png.Length} bytes > {ChartLimits.MaxBytes}");
        Assert.Equal(Signature, png[..8]);

        var offset = 8;
        int width = 0, height = 0;
        var idat = new MemoryStream();
        var sawEnd = false;
        while (offset + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                sawEnd = true;
                break;
            }

            offset += 12 + length; // length, type, data, CRC
        }

        Assert.True(sawEnd, $"{chart.Name}: no IEND chunk");
        Assert.InRange(width, 200, ChartLimits.MaxWidth);
        Assert.InRange(height, 120, ChartLimits.MaxHeight);

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            z.CopyTo(inflated);
        }

        // Each row is a filter byte plus width × bytes-per-pixel; a blank canvas would have almost no distinct bytes.
        Assert.Equal(0, inflated.Length % height);
        var distinct = inflated.ToArray().Distinct().Count();
        Assert.True(distinct > 16, $"{chart.Name}: only {distinct} distinct bytes — looks blank");

        var folder = Environment.GetEnvironmentVariable(OutputFolderVariable);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, (fileStem ?? chart.Name) + ".png"), png);
            File.WriteAllText(Path.Combine(folder, (fileStem ?? chart.Name) + ".txt"), $"{width}x{height} {png.Length} bytes\n{chart.Description}\n");
        }

        return (width, height);
    }
}
