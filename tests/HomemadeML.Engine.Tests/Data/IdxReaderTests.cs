using System.IO.Compression;
using HomemadeML.Engine.Data;

namespace HomemadeML.Engine.Tests.Data;

public class IdxReaderTests
{
    [Fact]
    public void ReadImages_GzipFile_ReadsHeaderAndPixels()
    {
        byte[] idx = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2, 10, 20, 30, 255];
        var path = Path.GetTempFileName();
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write(idx);
        }

        var images = IdxReader.ReadImages(path, out var shape);
        File.Delete(path);
        Assert.Equal(new ImageShape(2, 1), shape);
        Assert.Equal([10.0, 20, 30, 255], images.Data);
    }

    [Fact]
    public void ReadLabels_WrongMagic_SaysItIsNotALabelFile()
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, [0, 0, 8, 3, 0, 0, 0, 1, 7]);
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));
        File.Delete(path);
        Assert.Contains("not an IDX label file", ex.Message, StringComparison.Ordinal);
    }
}
