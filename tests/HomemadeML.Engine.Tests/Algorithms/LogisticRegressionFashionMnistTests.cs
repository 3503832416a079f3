using System.Diagnostics;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Metrics;

namespace HomemadeML.Engine.Tests.Algorithms;

public class LogisticRegressionFashionMnistTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Fit_FashionMnist_TestAccuracyAtLeast84Percent()
    {
        var (trainX, trainLabels) = LogisticRegressionTestData.FashionMnist(train: true);
        var (testX, testLabels) = LogisticRegressionTestData.FashionMnist(train: false);
        Assert.Equal((60_000, 784), (trainX.Rows, trainX.Columns));
        Assert.Equal(10_000, testX.Rows);

        // λ = 25 is homemade's Fashion-MNIST demo value. L-BFGS passes 0.84 test accuracy well before its
        // gradient tolerance; 100 iterations keeps the run short on 2 cores (homemade's demo allows 10 000 CG steps).
        var options = new LogisticRegressionOptions { Regularization = 25, Iterations = 100 };
        var clock = Stopwatch.StartNew();
        var model = new LogisticRegression(options).Fit(trainX, trainLabels, 10, cancellationToken: TestContext.Current.CancellationToken);
        var trainingTime = clock.Elapsed;
        double trainAccuracy = ClassificationMetrics.Accuracy(trainLabels, model.Predict(trainX));
        double testAccuracy = ClassificationMetrics.Accuracy(testLabels, model.Predict(testX));

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Fashion-MNIST one-vs-all logistic regression ({options.Optimizer}, λ = {options.Regularization}): " +
            $"{model.IterationsRun} iterations, {model.StopReason}, training {trainingTime.TotalSeconds:F1} s, " +
            $"train accuracy {trainAccuracy:P2}, test accuracy {testAccuracy:P2}");
        // Brief: ≥ 0.84 on the 10 000 test images.
        Assert.True(testAccuracy >= 0.84, $"test accuracy {testAccuracy:P2} after {model.IterationsRun} iterations ({trainingTime.TotalSeconds:F1} s)");
    }
}
