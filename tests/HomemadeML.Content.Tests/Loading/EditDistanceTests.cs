using HomemadeML.Content.Loading;

namespace HomemadeML.Content.Tests.Loading;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("k-means", "k-means", 0)]
    [InlineData("kmaens", "kmeans", 2)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Between_KnownPairs_GivesLevenshteinDistance(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, EditDistance.Between(b, a));
    }
}
