using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace HomemadeML.Skill.Tests.Tools;

public class RunToolsPlotTests : SkillTestBase
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    [Fact]
    public async Task RunExample_IncludePlot_ReturnsPngsWithTextAndKeepsThemAsResources()
    {
        var result = await CallAsync("run_example", new { algorithm = "linear-regression", include_plot = true });
        Assert.NotEqual(true, result.IsError);
        var images = result.Content.OfType<ImageContentBlock>().ToList();
        Assert.NotEmpty(images);
        Assert.All(images, i => Assert.Equal("image/png", i.MimeType));
        var charts = result.StructuredContent!.Value.GetProperty("charts").EnumerateArray().ToList();
        Assert.Equal(images.Count, charts.Count);

        var uri = charts[0].GetProperty("uri").GetString()!;
        var read = await Client.ReadResourceAsync(uri, cancellationToken: TestContext.Current.CancellationToken);
        var blob = Assert.IsType<BlobResourceContents>(Assert.Single(read.Contents));
        Assert.Equal(PngSignature, blob.DecodedData.ToArray()[..4]);
    }

    [Fact]
    public async Task RunExample_WithoutIncludePlot_ReturnsNoImage()
    {
        var result = await CallAsync("run_example", new { algorithm = "linear-regression" });
        Assert.Empty(result.Content.OfType<ImageContentBlock>());
        Assert.Equal(JsonValueKind.Array, result.StructuredContent!.Value.GetProperty("charts").ValueKind);
        Assert.Equal(0, result.StructuredContent!.Value.GetProperty("charts").GetArrayLength());
    }
}
