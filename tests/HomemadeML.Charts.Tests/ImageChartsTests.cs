using HomemadeML.Charts;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Data;
using HomemadeML.Engine.Metrics;

namespace HomemadeML.Charts.Tests;

/// <summary>Sample grid, confusion matrix and hidden-layer weights, from a real perceptron trained on digits.</summary>
public class ImageChartsTests
{
    private static readonly Lazy<(Dataset Digits, MultilayerPerceptronModel Model, int[] Predicted)> Trained = new(() =>
    {
        var digits = BuiltInDatasets.Load("digits");
        // Few iterations on purpose: the charts need a model that still makes some mistakes.
        var model = new MultilayerPerceptron(new MultilayerPerceptronOptions { Iterations = 40, Seed = 7 })
            .Fit(digits.Features, digits.Labels!, digits.ClassCount);
        return (digits, model, model.Predict(digits.Features));
    });

    [Fact]
    public void ImageGrid_Digits_IsValidPngAndCountsMistakes()
    {
        var (digits, _, predicted) = Trained.Value;

        var chart = ImageGridChart.Render(digits.Features, digits.Image!.Value, digits.Labels!, predicted, digits.ClassNames!, title: "Digits");

        PngAssert.IsValidChart(chart, "image-grid-digits");
        var mistakes = predicted.Zip(digits.Labels!, (p, t) => p != t ? 1 : 0).Sum();
        Assert.Contains($"{mistakes} are misclassified", chart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfusionMatrix_Digits_IsValidPngWithDiagonalCount()
    {
        var (digits, _, predicted) = Trained.Value;
        var counts = ClassificationMetrics.ConfusionMatrix(digits.Labels!, predicted, digits.ClassCount);

        var chart = ConfusionMatrixChart.Render(counts, digits.ClassNames!, "Digits: confusion matrix");

        PngAssert.IsValidChart(chart, "confusion-digits");
        var correct = Enumerable.Range(0, digits.ClassCount).Sum(c => counts[c, c]);
        Assert.Contains($"{correct} on the diagonal", chart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void WeightImages_DigitsFirstLayer_IsValidPngOneTilePerUnit()
    {
        var (digits, model, _) = Trained.Value;

        var chart = WeightImagesChart.Render(model.Weights[0], digits.Image!.Value);

        PngAssert.IsValidChart(chart, "weights-digits");
        Assert.StartsWith($"First hidden layer weights: {model.Weights[0].Rows} of {model.Weights[0].Rows} hidden units", chart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void WeightImages_WrongColumnCount_ThrowsNamingWeights()
    {
        var error = Assert.Throws<ArgumentException>(() => WeightImagesChart.Render(new HomemadeML.Engine.LinearAlgebra.Matrix(3, 64), new ImageShape(8, 8)));

        Assert.Equal("firstLayerWeights", error.ParamName);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void AllImageCharts_FashionMnistSubset_StayUnderTheCaps()
    {
        var split = BuiltInDatasets.LoadFashionMnist();
        var train = split.Train.WithRows([.. Enumerable.Range(0, 3000)]);
        var test = split.Test.WithRows([.. Enumerable.Range(0, 1000)]);
        var model = new MultilayerPerceptron(new MultilayerPerceptronOptions { Iterations = 30, Seed = 1 })
            .Fit(train.Features, train.Labels!, train.ClassCount, cancellationToken: TestContext.Current.CancellationToken);
        var predicted = model.Predict(test.Features);

        PngAssert.IsValidChart(ImageGridChart.Render(test.Features, test.Image!.Value, test.Labels!, predicted, test.ClassNames!, title: "Fashion-MNIST"), "image-grid-fashion");
        PngAssert.IsValidChart(ConfusionMatrixChart.Render(ClassificationMetrics.ConfusionMatrix(test.Labels!, predicted, 10), test.ClassNames!, "Fashion-MNIST: confusion matrix"), "confusion-fashion");
        PngAssert.IsValidChart(WeightImagesChart.Render(model.Weights[0], test.Image!.Value), "weights-fashion");
    }
}
