using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Data;

/// <summary>
/// Reads the IDX files of MNIST and Fashion-MNIST, plain or gzip-compressed (detected by the 1f 8b magic):
/// images (magic 2051: count, rows, columns, then one unsigned byte per pixel) and labels (magic 2049: count,
/// then one unsigned byte per example). All header integers are big-endian.
/// </summary>
public static class IdxReader
{
    private const int ImagesMagic = 2051;
    private const int LabelsMagic = 2049;
    private const int ImagesHeaderLength = 16;
    private const int LabelsHeaderLength = 8;

    /// <summary>Bytes decoded per read: big enough that calls into the (gzip) stream are few, small enough to stay off the large-object heap.</summary>
    private const int ChunkLength = 64 * 1024;

    /// <summary>Reads an image file into a matrix with one image per row (pixels 0–255 as doubles, row by row).</summary>
    public static Matrix ReadImages(string path, out ImageShape shape)
    {
        using var file = File.OpenRead(path);
        return ReadImages(file, path, out shape);
    }

    /// <summary>
    /// Reads an image file from a stream (plain or gzip); <paramref name="sourceName"/> names it in errors.
    /// The pixels are decoded straight from the stream into the matrix, so loading needs no copy of the file.
    /// </summary>
    public static Matrix ReadImages(Stream stream, string sourceName, out ImageShape shape)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var content = OpenContent(stream, out long? length);
        Span<byte> header = stackalloc byte[ImagesHeaderLength];
        ReadHeader(content, header, sourceName, ImagesMagic);
        int count = ReadInt(header, 4), height = ReadInt(header, 8), width = ReadInt(header, 12);
        long pixels = (long)count * height * width;
        long? payload = length - ImagesHeaderLength;
        if (count < 0 || height <= 0 || width <= 0 || pixels > Array.MaxLength || (payload is { } known && known != pixels))
        {
            throw PixelCountMismatch(sourceName, count, height, width, payload ?? CountRemaining(content));
        }

        var images = new Matrix(count, height * width);
        long held = ReadInto(content, images.Data.AsSpan()) + CountRemaining(content);
        if (held != pixels)
        {
            throw PixelCountMismatch(sourceName, count, height, width, held);
        }

        shape = new ImageShape(width, height);
        return images;
    }

    /// <summary>Reads a label file (one unsigned byte per example).</summary>
    public static int[] ReadLabels(string path)
    {
        using var file = File.OpenRead(path);
        return ReadLabels(file, path);
    }

    /// <summary>Reads a label file from a stream (plain or gzip); <paramref name="sourceName"/> names it in errors.</summary>
    public static int[] ReadLabels(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var content = OpenContent(stream, out long? length);
        Span<byte> header = stackalloc byte[LabelsHeaderLength];
        ReadHeader(content, header, sourceName, LabelsMagic);
        int count = ReadInt(header, 4);
        long? payload = length - LabelsHeaderLength;
        if (count < 0 || (payload is { } known && known != count))
        {
            throw LabelCountMismatch(sourceName, count, payload ?? CountRemaining(content));
        }

        var labels = new int[count];
        long held = ReadInto(content, labels.AsSpan()) + CountRemaining(content);
        if (held != count)
        {
            throw LabelCountMismatch(sourceName, count, held);
        }

        return labels;
    }

    /// <summary>
    /// The file's bytes, inflated if they start with gzip's 1f 8b. Any stream works, seekable or not: the two bytes
    /// read to decide are replayed in front of the rest. <paramref name="length"/> is the byte count when it is known
    /// without reading (a plain, seekable stream), so a wrong header is refused before allocating what it claims.
    /// The caller's stream is left open.
    /// </summary>
    private static Stream OpenContent(Stream stream, out long? length)
    {
        long? available = stream.CanSeek ? stream.Length - stream.Position : null;
        var magic = new byte[2];
        int peeked = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        var content = new ReplayStream(magic.AsMemory(0, peeked), stream);
        if (peeked == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            length = null;
            return new GZipStream(content, CompressionMode.Decompress);
        }

        length = available;
        return content;
    }

    private static void ReadHeader(Stream content, Span<byte> header, string sourceName, int magic)
    {
        string kind = magic == ImagesMagic ? "image" : "label";
        int read = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read < header.Length)
        {
            throw new InvalidDataException($"{sourceName} is not an IDX {kind} file: it has {read} bytes, fewer than the {header.Length}-byte header.");
        }

        int found = ReadInt(header, 0);
        if (found != magic)
        {
            throw new InvalidDataException($"{sourceName} is not an IDX {kind} file: its magic number is {found}, expected {magic}.");
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with the stream's next bytes, one chunk at a time, and returns how many it
    /// got: fewer than the destination's length only if the stream ended first.
    /// </summary>
    private static long ReadInto<T>(Stream content, Span<T> destination)
        where T : INumberBase<T>
    {
        var chunk = new byte[Math.Min(ChunkLength, destination.Length)];
        int filled = 0;
        while (filled < destination.Length)
        {
            int wanted = Math.Min(chunk.Length, destination.Length - filled);
            int read = content.ReadAtLeast(chunk.AsSpan(0, wanted), wanted, throwOnEndOfStream: false);
            var target = destination.Slice(filled, read);
            for (int i = 0; i < read; i++)
            {
                target[i] = T.CreateTruncating(chunk[i]);
            }

            filled += read;
            if (read < wanted)
            {
                break;
            }
        }

        return filled;
    }

    /// <summary>Reads the stream to its end and returns how many bytes were left, so an error can say how much the file holds.</summary>
    private static long CountRemaining(Stream content)
    {
        Span<byte> scratch = stackalloc byte[4096];
        long total = 0;
        int read;
        while ((read = content.Read(scratch)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static InvalidDataException PixelCountMismatch(string sourceName, int count, int height, int width, long held) =>
        new($"{sourceName}: the header says {count} images of {height}×{width} pixels, but the file holds {held} pixel bytes.");

    private static InvalidDataException LabelCountMismatch(string sourceName, int count, long held) =>
        new($"{sourceName}: the header says {count} labels, but the file holds {held} label bytes.");

    private static int ReadInt(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(offset, 4));

    /// <summary>A read-only stream that returns <c>prefix</c> and then the rest of <c>inner</c>; disposing it leaves <c>inner</c> open.</summary>
    private sealed class ReplayStream(ReadOnlyMemory<byte> prefix, Stream inner) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty)
            {
                return inner.Read(buffer);
            }

            int count = Math.Min(_prefix.Length, buffer.Length);
            _prefix.Span[..count].CopyTo(buffer);
            _prefix = _prefix[count..];
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
