using System.Globalization;
using System.IO.Compression;
using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Data;

/// <summary>What a built-in dataset is, before loading it.</summary>
public sealed record BuiltInDatasetInfo(string Name, string Task, int Rows, int Features, string Description, string Source);

/// <summary>
/// The datasets every example can use without files: iris and the 8×8 digits (embedded), seeded synthetic
/// data for each teaching situation, and Fashion-MNIST when its IDX files are installed.
/// </summary>
public static class BuiltInDatasets
{
    /// <summary>Where Debian's dataset-fashion-mnist package puts the IDX files.</summary>
    public const string DefaultFashionMnistFolder = "/usr/share/datasets/fashion-mnist";

    public static IReadOnlyList<BuiltInDatasetInfo> Catalog { get; } =
    [
        new("iris", "classification, clustering", 150, 4, "Fisher's iris flowers: 4 measurements (cm), 3 species, 50 each.", "R. A. Fisher (1936), via scikit-learn's bundled copy"),
        new("digits", "classification", 1797, 64, "8×8 images of handwritten digits 0–9, pixel counts 0–16.", "UCI Optical Recognition of Handwritten Digits (Alpaydin & Kaynak 1998), via scikit-learn"),
        new("noisy-line", "regression", 100, 1, "Points on y = 2.5·x + 4 with Gaussian noise.", "seeded synthetic"),
        new("nonlinear-curve", "regression", 120, 1, "Points on y = sin(x) + 0.1·x² − 0.5·x with noise.", "seeded synthetic"),
        new("microchips", "classification", 118, 2, "Two chip test scores; accepted chips lie inside a wobbly ring.", "seeded synthetic"),
        new("blobs", "clustering", 300, 2, "Four Gaussian blobs in 2-D with their true blob.", "seeded synthetic"),
        new("server-metrics", "anomaly", 307, 2, "Server latency and throughput with 7 labelled anomalies.", "seeded synthetic"),
        new("fashion-mnist", "classification", 60000, 784, "28×28 grey images of 10 kinds of clothing (training set; 10,000 more for testing).", "Zalando Research (Xiao, Rasul & Vollgraf 2017), Debian package dataset-fashion-mnist"),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. Catalog.Select(d => d.Name)];

    public static readonly IReadOnlyList<string> FashionMnistClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>
    /// Loads a built-in dataset by name. <paramref name="seed"/> drives the synthetic generators (the files ignore it);
    /// "fashion-mnist" is the whole 60,000-image training set with raw pixels 0–255, read from
    /// <paramref name="fashionMnistFolder"/> (default <see cref="DefaultFashionMnistFolder"/>); use
    /// <see cref="LoadFashionMnist"/> for the official test set too.
    /// </summary>
    public static Dataset Load(string name, int seed = 0, string? fashionMnistFolder = null) => name switch
    {
        null => throw new ArgumentNullException(nameof(name), $"name is required; valid names: {string.Join(", ", Names)}."),
        "iris" => LoadIris(),
        "digits" => LoadDigits(),
        "noisy-line" => SyntheticData.NoisyLine(seed),
        "nonlinear-curve" => SyntheticData.NonlinearCurve(seed),
        "microchips" => SyntheticData.Microchips(seed),
        "blobs" => SyntheticData.Blobs(seed),
        "server-metrics" => SyntheticData.ServerMetrics(seed),
        "fashion-mnist" => LoadFashionMnist(fashionMnistFolder).Train,
        _ => throw new ArgumentException($"name '{name}' is not a built-in dataset; valid names: {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>
    /// The official Fashion-MNIST split: 60,000 training and 10,000 test images of 28×28 pixels, kept as raw 0–255
    /// values (the algorithms normalize with training statistics). Reads train-/t10k-images-idx3-ubyte and
    /// -labels-idx1-ubyte, gzip-compressed (.gz, as Debian ships them) or plain, from <paramref name="folder"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file is missing; the message names the folder and the Debian package.</exception>
    public static TrainTestSplit LoadFashionMnist(string? folder = null)
    {
        folder ??= DefaultFashionMnistFolder;
        string Find(string stem)
        {
            foreach (var candidate in new[] { stem + ".gz", stem })
            {
                var path = Path.Combine(folder, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }

            throw new FileNotFoundException(
                $"Fashion-MNIST file {stem}(.gz) not found in {folder}. On Debian or Ubuntu, 'apt-get install dataset-fashion-mnist' installs it to {DefaultFashionMnistFolder}.",
                Path.Combine(folder, stem + ".gz"));
        }

        Dataset Part(string prefix, string description)
        {
            var images = IdxReader.ReadImages(Find($"{prefix}-images-idx3-ubyte"), out var shape);
            return new Dataset
            {
                Name = "fashion-mnist", Description = description, Features = images,
                FeatureNames = [.. Enumerable.Range(0, images.Columns).Select(i => $"pixel {i / shape.Width},{i % shape.Width}")],
                Labels = IdxReader.ReadLabels(Find($"{prefix}-labels-idx1-ubyte")), ClassNames = FashionMnistClassNames,
                TargetName = "kind", Image = shape,
            };
        }

        return new TrainTestSplit(
            Part("train", "Fashion-MNIST training set: 60,000 28×28 grey images of clothing in 10 classes (pixels 0–255)."),
            Part("t10k", "Fashion-MNIST test set: 10,000 28×28 grey images of clothing in 10 classes (pixels 0–255)."));
    }

    private static Dataset LoadIris()
    {
        using var reader = new StreamReader(OpenResource("iris.csv"));
        var header = reader.ReadLine()!.Split(',');
        int rows = int.Parse(header[0], CultureInfo.InvariantCulture), columns = int.Parse(header[1], CultureInfo.InvariantCulture);
        var (features, labels) = ReadNumericRows(reader, rows, columns);
        return new Dataset
        {
            Name = "iris", Description = "Fisher's iris flowers (1936): 150 flowers, 4 measurements in cm, 3 species of 50.",
            Features = features, FeatureNames = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"],
            Labels = labels, ClassNames = header[2..], TargetName = "species",
        };
    }

    private static Dataset LoadDigits()
    {
        using var reader = new StreamReader(new GZipStream(OpenResource("digits.csv.gz"), CompressionMode.Decompress));
        var (features, labels) = ReadNumericRows(reader, 1797, 64);
        return new Dataset
        {
            Name = "digits", Description = "1,797 8×8 images of handwritten digits (UCI, Alpaydin & Kaynak 1998); pixels count 0–16.",
            Features = features, FeatureNames = [.. Enumerable.Range(0, 64).Select(i => $"pixel {i / 8},{i % 8}")],
            Labels = labels, ClassNames = [.. Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture))],
            TargetName = "digit", Image = new ImageShape(8, 8),
        };
    }

    // Rows of `columns` numbers followed by an integer class index.
    private static (Matrix Features, int[] Labels) ReadNumericRows(TextReader reader, int rows, int columns)
    {
        var features = new Matrix(rows, columns);
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            var cells = reader.ReadLine()!.Split(',');
            for (int j = 0; j < columns; j++)
            {
                features[i, j] = double.Parse(cells[j], CultureInfo.InvariantCulture);
            }

            labels[i] = (int)double.Parse(cells[columns], CultureInfo.InvariantCulture);
        }

        return (features, labels);
    }

    private static Stream OpenResource(string file) =>
        typeof(BuiltInDatasets).Assembly.GetManifestResourceStream($"HomemadeML.Engine.Data.BuiltIn.{file}")
        ?? throw new InvalidOperationException($"the engine assembly lacks its embedded dataset {file}");
}
