namespace HomemadeML.Skill.Services;

/// <summary>One algorithm the engine can run: its id, the data it needs and the built-in dataset it defaults to.</summary>
public sealed record AlgorithmInfo(string Id, string Title, string Task, string DefaultDataset, IReadOnlyList<string> SuitableDatasets);

/// <summary>
/// The five algorithms on the engine side, in learning order. Lesson ids and aliases meet these ids in
/// <see cref="AlgorithmNames"/>; a test checks that every lesson has an algorithm here and every algorithm a lesson.
/// </summary>
public static class AlgorithmCatalog
{
    public static IReadOnlyList<AlgorithmInfo> All { get; } =
    [
        new("linear-regression", "Linear regression", "regression", "noisy-line", ["noisy-line", "nonlinear-curve"]),
        new("logistic-regression", "Logistic regression", "classification", "iris", ["iris", "microchips", "digits", "fashion-mnist"]),
        new("multilayer-perceptron", "Multilayer perceptron", "classification", "digits", ["digits", "iris", "microchips", "fashion-mnist"]),
        new("k-means", "K-means clustering", "clustering", "iris", ["iris", "blobs", "digits"]),
        new("anomaly-detection", "Anomaly detection with Gaussians", "anomaly", "server-metrics", ["server-metrics"]),
    ];

    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(a => a.Id)];

    public static AlgorithmInfo Get(string id) => All.Single(a => a.Id == id);
}
