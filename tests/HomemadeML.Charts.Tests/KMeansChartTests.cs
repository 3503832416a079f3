using HomemadeML.Charts;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Data;

namespace HomemadeML.Charts.Tests;

public class KMeansChartTests
{
    [Fact]
    public void Render_IrisFourFeatures_ProjectsOnHighestVariancePairAndSaysSo()
    {
        var iris = BuiltInDatasets.Load("iris");
        var model = new KMeans(new KMeansOptions { K = 3, Seed = 1 }).Fit(iris.Features, cancellationToken: TestContext.Current.CancellationToken);

        var chart = KMeansChart.Render(iris.Features, model.Assignments, model.CentroidPath, iris.FeatureNames, "K-means on iris");

        PngAssert.IsValidChart(chart, "kmeans-iris");
        // Petal length (column 2) has by far the largest variance in iris, then sepal length (column 0).
        Assert.Contains($"projected on {iris.FeatureNames[0]} × {iris.FeatureNames[2]}", chart.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BlobsTwoFeatures_IsValidPngWithoutProjection()
    {
        var blobs = BuiltInDatasets.Load("blobs", seed: 4);
        var model = new KMeans(new KMeansOptions { K = 4, Seed = 2 }).Fit(blobs.Features, cancellationToken: TestContext.Current.CancellationToken);

        var chart = KMeansChart.Render(blobs.Features, model.Assignments, model.CentroidPath, blobs.FeatureNames);

        PngAssert.IsValidChart(chart, "kmeans-blobs");
        Assert.DoesNotContain("projected", chart.Title, StringComparison.Ordinal);
        Assert.Contains("in 4 clusters", chart.Description, StringComparison.Ordinal);
    }
}
