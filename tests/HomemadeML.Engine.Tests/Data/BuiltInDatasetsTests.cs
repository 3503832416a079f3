using HomemadeML.Engine.Data;

namespace HomemadeML.Engine.Tests.Data;

public class BuiltInDatasetsTests
{
    [Fact]
    public void Load_Iris_Has150FlowersWith4FeaturesAnd50PerSpecies()
    {
        var iris = BuiltInDatasets.Load("iris");
        Assert.Equal((150, 4), (iris.Rows, iris.FeatureCount));
        Assert.Equal(["setosa", "versicolor", "virginica"], iris.ClassNames);
        Assert.All(iris.Labels!.GroupBy(l => l), g => Assert.Equal(50, g.Count()));
        Assert.Equal(5.1, iris.Features[0, 0]);
    }

    [Fact]
    public void Load_Digits_Has1797EightByEightImagesOfTenDigits()
    {
        var digits = BuiltInDatasets.Load("digits");
        Assert.Equal((1797, 64), (digits.Rows, digits.FeatureCount));
        Assert.Equal(new ImageShape(8, 8), digits.Image);
        Assert.Equal(Enumerable.Range(0, 10), digits.Labels!.Distinct().Order());
        Assert.InRange(digits.Features.Data.Max(), 16, 16);
    }

    [Theory]
    [InlineData("noisy-line")]
    [InlineData("nonlinear-curve")]
    [InlineData("microchips")]
    [InlineData("blobs")]
    [InlineData("server-metrics")]
    public void Load_SyntheticSameSeed_IsBitIdenticalAndOtherSeedDiffers(string name)
    {
        var first = BuiltInDatasets.Load(name, seed: 3);
        var again = BuiltInDatasets.Load(name, seed: 3);
        var other = BuiltInDatasets.Load(name, seed: 4);
        Assert.Equal(first.Features.Data, again.Features.Data);
        Assert.NotEqual(first.Features.Data, other.Features.Data);
        var info = BuiltInDatasets.Catalog.Single(d => d.Name == name);
        Assert.Equal((info.Rows, info.Features), (first.Rows, first.FeatureCount));
        Assert.True(first.Targets is not null || first.Labels is not null);
    }

    [Fact]
    public void Load_ServerMetrics_HasSevenLabelledAnomalies()
    {
        var data = BuiltInDatasets.Load("server-metrics", seed: 1);
        Assert.Equal(7, data.Labels!.Count(l => l == 1));
        Assert.Equal(["normal", "anomaly"], data.ClassNames);
    }

    [Fact]
    public void Load_UnknownName_ThrowsListingValidNames()
    {
        var ex = Assert.Throws<ArgumentException>("name", () => BuiltInDatasets.Load("irises"));
        Assert.Contains("iris, digits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NullName_ThrowsNamingNameAndListingValidNames()
    {
        var ex = Assert.Throws<ArgumentNullException>("name", () => BuiltInDatasets.Load(null!));
        Assert.Contains("iris, digits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_EveryEntry_LoadsWithItsOwnName()
    {
        foreach (var info in BuiltInDatasets.Catalog.Where(d => d.Name != "fashion-mnist"))
        {
            var data = BuiltInDatasets.Load(info.Name);
            Assert.Equal(info.Name, data.Name);
            Assert.Equal((info.Rows, info.Features), (data.Rows, data.FeatureCount));
            Assert.False(string.IsNullOrWhiteSpace(info.Source));
        }
    }

    [Fact]
    public void Load_FashionMnistFromMissingFolder_SaysWhereItLooked()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => BuiltInDatasets.Load("fashion-mnist", fashionMnistFolder: "/nonexistent/fmnist"));
        Assert.Contains("/nonexistent/fmnist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Iris_NamesFeaturesAndClasses()
    {
        var iris = BuiltInDatasets.Load("iris");
        Assert.Equal(["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"], iris.FeatureNames);
        Assert.Null(iris.Image);
        Assert.Equal("species", iris.TargetName);
    }

    [Fact]
    public void LoadFashionMnist_MissingFolder_SaysWhereItLookedAndHowToInstall()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => BuiltInDatasets.LoadFashionMnist("/nonexistent/fashion"));
        Assert.Contains("/nonexistent/fashion", ex.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install dataset-fashion-mnist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void LoadFashionMnist_Installed_Has60000TrainAnd10000TestImages()
    {
        if (!Directory.Exists(BuiltInDatasets.DefaultFashionMnistFolder))
        {
            Assert.Skip($"Fashion-MNIST is not installed in {BuiltInDatasets.DefaultFashionMnistFolder} ('apt-get install dataset-fashion-mnist' provides it; CI installs it).");
        }

        var split = BuiltInDatasets.LoadFashionMnist();
        Assert.Equal((60000, 784), (split.Train.Rows, split.Train.FeatureCount));
        Assert.Equal((10000, 784), (split.Test.Rows, split.Test.FeatureCount));
        Assert.Equal(new ImageShape(28, 28), split.Train.Image);
        Assert.All(split.Test.Labels!.GroupBy(l => l), g => Assert.Equal(1000, g.Count()));
        Assert.InRange(split.Train.Features.Data.Max(), 255, 255);
    }
}
