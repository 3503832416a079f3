using System.Buffers.Binary;
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
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_FilePayloadShorterThanHeaderSays_RefusesNamingFileAndCounts(bool gzip)
    {
        // Plain files are checked against their length before the matrix is allocated; gzip ones when the pixels run out.
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, gzip ? Gzip(TwoImages[..^1]) : TwoImages[..^1]);
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path, out _));
        File.Delete(path);
        Assert.Contains($"{path}: the header says 2 images of 1×2 pixels, but the file holds 3 pixel bytes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_BytesAfterTheLastPixel_RefusedWithTheirCount(bool seekable)
    {
        byte[] idx = [.. TwoImages, 1, 2, 3];
        Stream stream = seekable ? new MemoryStream(idx) : new TrickleStream(idx);
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(stream, "long", out _));
        Assert.Contains("long: the header says 2 images of 1×2 pixels, but the file holds 7 pixel bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_PlainFileClaimingFarMoreImagesThanItHolds_RefusesBeforeAllocatingThem()
    {
        // The header asks for Fashion-MNIST's 60,000 images of 28×28 (a 376 MB matrix); the file holds 4 pixels.
        byte[] idx = [.. ImageHeader(60_000, 28, 28), 10, 20, 30, 255];
        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(idx), "claims-too-much", out _));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("claims-too-much: the header says 60000 images of 28×28 pixels, but the file holds 4 pixel bytes", ex.Message, StringComparison.Ordinal);
        Assert.True(allocated < 1 << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void ReadImages_GzipHeaderClaimingMorePixelsThanAnArrayHolds_RefusedWithTheBytesFound()
    {
        byte[] idx = [.. ImageHeader(int.MaxValue, 28, 28), 10, 20, 30, 255];
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(Gzip(idx)), "huge", out _));
        Assert.Contains($"huge: the header says {int.MaxValue} images of 28×28 pixels, but the file holds 4 pixel bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_GzipAndPlainFiles_DecodeToTheSameMatrix()
    {
        // 300 images of 28×28 are 235,200 pixels: several 64 KB chunks and a partial last one.
        var pixels = new byte[300 * 28 * 28];
        new Random(3).NextBytes(pixels);
        byte[] idx = [.. ImageHeader(300, 28, 28), .. pixels];
        var plainPath = Path.GetTempFileName();
        var gzipPath = Path.GetTempFileName();
        File.WriteAllBytes(plainPath, idx);
        File.WriteAllBytes(gzipPath, Gzip(idx));

        var plain = IdxReader.ReadImages(plainPath, out var plainShape);
        var gzip = IdxReader.ReadImages(gzipPath, out var gzipShape);
        File.Delete(plainPath);
        File.Delete(gzipPath);
        Assert.Equal(new ImageShape(28, 28), plainShape);
        Assert.Equal(plainShape, gzipShape);
        Assert.Equal((300, 784), (gzip.Rows, gzip.Columns));
        Assert.Equal(pixels.Select(p => (double)p), plain.Data);
        Assert.Equal(plain.Data, gzip.Data);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_StreamGivingAtMostSevenBytesPerRead_DecodesEveryPixel(bool gzip)
    {
        var pixels = new byte[7 * 73 * 137];
        new Random(4).NextBytes(pixels);
        byte[] idx = [.. ImageHeader(7, 73, 137), .. pixels];
        var images = IdxReader.ReadImages(new TrickleStream(gzip ? Gzip(idx) : idx), "trickle", out var shape);
        Assert.Equal(new ImageShape(137, 73), shape);
        Assert.Equal(pixels.Select(p => (double)p), images.Data);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadLabels_StreamGivingAtMostSevenBytesPerRead_DecodesEveryLabel(bool gzip)
    {
        byte[] idx = [0, 0, 8, 1, 0, 0, 0, 20, .. Enumerable.Range(0, 20).Select(i => (byte)(i % 10))];
        var labels = IdxReader.ReadLabels(new TrickleStream(gzip ? Gzip(idx) : idx), "trickle");
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i % 10), labels);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadLabels_PayloadShorterThanHeaderSays_RefusesNamingSourceAndCounts(bool gzip)
    {
        byte[] idx = [0, 0, 8, 1, 0, 0, 0, 5, 9, 0, 4];
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(new TrickleStream(gzip ? Gzip(idx) : idx), "short-labels"));
        Assert.Contains("short-labels: the header says 5 labels, but the file holds 3 label bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_GzipStream_LeavesTheCallersStreamOpen()
    {
        var stream = new MemoryStream(Gzip(TwoImages));
        IdxReader.ReadImages(stream, "two-images", out _);
        Assert.True(stream.CanRead);
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

    private static byte[] ImageHeader(int count, int height, int width)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(header, 2051);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), height);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), width);
        return header;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        var compressed = new MemoryStream();
        using (var gz = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(bytes);
        }

        return compressed.ToArray();
    }

    /// <summary>A non-seekable stream that hands out at most 7 bytes per read, as a slow pipe or socket may.</summary>
    private sealed class TrickleStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));

        public override int Read(Span<byte> buffer) => _inner.Read(buffer[..Math.Min(buffer.Length, 7)]);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
