using HomemadeML.Engine.Data;
using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Tests.Algorithms;

/// <summary>Data for the logistic-regression tests, from the engine's own built-in datasets and seeded split.</summary>
internal static class LogisticRegressionTestData
{
    /// <summary>The 150 iris rows (4 measurements, cm) and species indices 0…2.</summary>
    public static (Matrix X, int[] Labels) Iris()
    {
        var iris = BuiltInDatasets.Load("iris");
        return (iris.Features, iris.Labels!);
    }

    /// <summary>Iris cut by <see cref="TrainTestSplit.Create"/> (stratified, seeded) into train and held-out rows.</summary>
    public static (Matrix TrainX, int[] TrainLabels, Matrix TestX, int[] TestLabels) IrisSplit(int seed, double testFraction)
    {
        var split = TrainTestSplit.Create(BuiltInDatasets.Load("iris"), testFraction, seed);
        return (split.Train.Features, split.Train.Labels!, split.Test.Features, split.Test.Labels!);
    }

    /// <summary>Fashion-MNIST's official split (60,000 / 10,000 images, pixels 0–255) from Debian's dataset-fashion-mnist.</summary>
    public static TrainTestSplit FashionMnist() => BuiltInDatasets.LoadFashionMnist();
}
