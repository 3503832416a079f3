using System.Diagnostics;
using System.IO.Compression;
using HomemadeML.Engine.Data;

namespace HomemadeML.Engine.Tests.Data;

public class IdxReaderTests
{
    // Two 1×2 images: magic 2051, count 2, rows 1, columns 2, then 4 pixel bytes.
    private static readonly byte[] TwoImages = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2, 10, 20, 30, 255];

    [Fact]
    public void ReadImages_GzipFile_ReadsHeaderAndPixels()
    {
        var path = Path.GetTempFileName();
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write(TwoImages);
        }

        var images = IdxReader.ReadImages(path, out var shape);
        File.Delete(path);
        Assert.Equal(new ImageShape(2, 1), shape);
        Assert.Equal((2, 2), (images.Rows, images.Columns));
        Assert.Equal([10.0, 20, 30, 255], images.Data);
    }

    [Fact]
    public void ReadImages_PlainStream_ReadsTheSamePixels()
    {
        var images = IdxReader.ReadImages(new MemoryStream(TwoImages), "two-images", out var shape);
        Assert.Equal(new ImageShape(2, 1), shape);
        Assert.Equal([10.0, 20, 30, 255], images.Data);
    }

    [Fact]
    public void ReadLabels_PlainStream_ReadsEveryLabel()
    {
        byte[] idx = [0, 0, 8, 1, 0, 0, 0, 3, 9, 0, 4];
        Assert.Equal([9, 0, 4], IdxReader.ReadLabels(new MemoryStream(idx), "labels"));
    }

    [Fact]
    public void ReadLabels_WrongMagic_SaysItIsNotALabelFile()
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, [0, 0, 8, 3, 0, 0, 0, 1, 7]);
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));
        File.Delete(path);
        Assert.Contains("not an IDX label file", ex.Message, StringComparison.Ordinal);
        Assert.Contains("magic number is 2051, expected 2049", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_TruncatedPixels_SaysHowManyBytesItFound()
    {
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(TwoImages[..^1]), "cut", out _));
        Assert.Contains("cut: the header says 2 images of 1×2 pixels, but the file holds 3 pixel bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_ShorterThanHeader_SaysSo()
    {
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream([0, 0, 8]), "tiny", out _));
        Assert.Contains("fewer than the 16-byte header", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("train", 60000)]
    [InlineData("t10k", 10000)]
    public void ReadImages_InstalledFashionMnist_Reads28By28ImagesWithLabels0To9(string part, int count)
    {
        var folder = BuiltInDatasets.DefaultFashionMnistFolder;
        if (!Directory.Exists(folder))
        {
            Assert.Skip($"Fashion-MNIST is not installed in {folder} ('apt-get install dataset-fashion-mnist' provides it; CI installs it).");
        }

        var clock = Stopwatch.StartNew();
        var images = IdxReader.ReadImages(Path.Combine(folder, $"{part}-images-idx3-ubyte.gz"), out var shape);
        var labels = IdxReader.ReadLabels(Path.Combine(folder, $"{part}-labels-idx1-ubyte.gz"));
        clock.Stop();
        Assert.Equal(new ImageShape(28, 28), shape);
        Assert.Equal((count, 784), (images.Rows, images.Columns));
        Assert.Equal(count, labels.Length);
        // Fashion-MNIST is balanced: every kind of clothing has a tenth of each part.
        Assert.All(labels.GroupBy(l => l), g => Assert.Equal(count / 10, g.Count()));
        Assert.Equal(Enumerable.Range(0, 10), labels.Distinct().Order());
        Assert.All(images.Data, p => Assert.InRange(p, 0, 255));
        TestContext.Current.TestOutputHelper?.WriteLine($"{part}: read {count} images in {clock.ElapsedMilliseconds} ms");
    }
}
