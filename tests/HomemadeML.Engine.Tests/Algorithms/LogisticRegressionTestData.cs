using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Tests.Algorithms;

/// <summary>
/// Data for the logistic-regression tests: iris from scikit-learn's bundled CSV (split by a seeded shuffle)
/// and Fashion-MNIST from Debian's dataset-fashion-mnist IDX files.
/// </summary>
internal static class LogisticRegressionTestData
{
    private const string IrisPath = "/usr/lib/python3/dist-packages/sklearn/datasets/data/iris.csv";
    private const string FashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The 150 iris rows (4 measurements) and species indices 0…2.</summary>
    public static (Matrix X, int[] Labels) Iris()
    {
        var lines = File.ReadAllLines(IrisPath).Skip(1).Where(l => l.Length > 0).ToArray();
        var x = new Matrix(lines.Length, 4);
        var labels = new int[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            for (int j = 0; j < 4; j++)
            {
                x[i, j] = double.Parse(cells[j], CultureInfo.InvariantCulture);
            }

            labels[i] = int.Parse(cells[4], CultureInfo.InvariantCulture);
        }

        return (x, labels);
    }

    /// <summary>Shuffles row indices with <paramref name="seed"/> (Fisher–Yates) and holds out <paramref name="testFraction"/> of them.</summary>
    public static (Matrix TrainX, int[] TrainLabels, Matrix TestX, int[] TestLabels) Split(Matrix x, int[] labels, int seed, double testFraction)
    {
        var order = Enumerable.Range(0, x.Rows).ToArray();
        var random = new Random(seed);
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        int testCount = (int)Math.Round(x.Rows * testFraction);
        var test = order[..testCount];
        var train = order[testCount..];
        return (x.SelectRows(train), [.. train.Select(i => labels[i])], x.SelectRows(test), [.. test.Select(i => labels[i])]);
    }

    /// <summary>Fashion-MNIST's train or test split: 28×28 grey images as rows of 784 values in [0, 1], labels 0…9.</summary>
    public static (Matrix X, int[] Labels) FashionMnist(bool train)
    {
        string prefix = train ? "train" : "t10k";
        var imageBytes = ReadIdx(Path.Combine(FashionMnistFolder, $"{prefix}-images-idx3-ubyte.gz"), out int count);
        var labelBytes = ReadIdx(Path.Combine(FashionMnistFolder, $"{prefix}-labels-idx1-ubyte.gz"), out int labelCount);
        Assert.Equal(count, labelCount);
        var x = new Matrix(count, imageBytes.Length / count);
        for (int i = 0; i < imageBytes.Length; i++)
        {
            x.Data[i] = imageBytes[i] / 255.0;
        }

        return (x, [.. labelBytes.Select(b => (int)b)]);
    }

    // IDX: big-endian magic (0, 0, type 0x08 = unsigned byte, dimension count), the dimensions, then the bytes.
    private static byte[] ReadIdx(string path, out int count)
    {
        Assert.True(File.Exists(path), $"{path} is missing; install Debian's dataset-fashion-mnist package (.ci/run does).");
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        int dimensions = bytes[3];
        count = BinaryPrimitives.ReadInt32BigEndian(bytes[4..]);
        return bytes[(4 + (4 * dimensions))..].ToArray();
    }
}
