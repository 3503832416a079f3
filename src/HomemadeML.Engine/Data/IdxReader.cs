using System.Buffers.Binary;
using System.IO.Compression;
using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Data;

/// <summary>
/// Reads the IDX files of MNIST and Fashion-MNIST, plain or gzip-compressed (detected by the 1f 8b magic):
/// images (magic 2051: count, rows, columns, then one unsigned byte per pixel) and labels (magic 2049).
/// </summary>
public static class IdxReader
{
    private const int ImagesMagic = 2051;
    private const int LabelsMagic = 2049;

    /// <summary>Reads an image file into a matrix with one image per row (pixels 0–255 as doubles).</summary>
    public static Matrix ReadImages(string path, out ImageShape shape)
    {
        byte[] bytes = ReadAllBytes(path);
        RequireHeader(bytes, path, ImagesMagic, 16);
        int count = ReadInt(bytes, 4), height = ReadInt(bytes, 8), width = ReadInt(bytes, 12);
        long pixels = (long)count * height * width;
        if (count < 0 || height <= 0 || width <= 0 || bytes.Length - 16 != pixels)
        {
            throw new InvalidDataException($"{path}: header says {count} images of {height}×{width}, but the file holds {bytes.Length - 16} pixel bytes.");
        }

        shape = new ImageShape(width, height);
        var images = new Matrix(count, height * width);
        var data = images.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = bytes[16 + i];
        }

        return images;
    }

    /// <summary>Reads a label file (one unsigned byte per example).</summary>
    public static int[] ReadLabels(string path)
    {
        byte[] bytes = ReadAllBytes(path);
        RequireHeader(bytes, path, LabelsMagic, 8);
        int count = ReadInt(bytes, 4);
        if (count < 0 || bytes.Length - 8 != count)
        {
            throw new InvalidDataException($"{path}: header says {count} labels, but the file holds {bytes.Length - 8} label bytes.");
        }

        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = bytes[8 + i];
        }

        return labels;
    }

    private static byte[] ReadAllBytes(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        int read = file.Read(magic);
        file.Position = 0;
        using var source = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? (Stream)new GZipStream(file, CompressionMode.Decompress) : file;
        using var buffer = new MemoryStream();
        source.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void RequireHeader(byte[] bytes, string path, int magic, int headerLength)
    {
        if (bytes.Length < headerLength || ReadInt(bytes, 0) != magic)
        {
            throw new InvalidDataException($"{path} is not an IDX {(magic == ImagesMagic ? "image" : "label")} file (expected magic number {magic}).");
        }
    }

    private static int ReadInt(byte[] bytes, int offset) => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset, 4));
}
