using HomemadeML.Content.Loading;

namespace HomemadeML.Content.Tests.Loading;

public sealed class FrontMatterTests
{
    [Fact]
    public void Parse_ScalarsListsQuotesAndComments_ReadsValues()
    {
        var fm = FrontMatter.Parse("f.md", ["id: k-means   # the id", "aliases: [a, \"b c\", 'd, e']", "position: 4", "empty: []"], 2);

        Assert.Equal("k-means", fm.RequireScalar("id"));
        Assert.Equal(["a", "b c", "d, e"], fm.RequireList("aliases"));
        Assert.Equal(4, fm.RequireInteger("position"));
        Assert.Empty(fm.RequireList("empty"));
        Assert.Equal(3, fm.LineOf("aliases"));
    }

    [Fact]
    public void RequireInteger_NonNumber_FailsWithKeyAndValue()
    {
        var fm = FrontMatter.Parse("f.md", ["position: fourth"], 2);

        var error = Assert.Throws<ContentLoadException>(() => fm.RequireInteger("position"));

        Assert.Equal(2, error.Line);
        Assert.Contains("'fourth'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKey_Fails()
    {
        var error = Assert.Throws<ContentLoadException>(() => FrontMatter.Parse("f.md", ["id: a", "id: b"], 2));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void RequireList_ScalarValue_Fails()
    {
        var fm = FrontMatter.Parse("f.md", ["aliases: kmeans"], 2);

        Assert.Throws<ContentLoadException>(() => fm.RequireList("aliases"));
    }
}
