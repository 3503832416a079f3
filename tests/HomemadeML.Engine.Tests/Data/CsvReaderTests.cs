using HomemadeML.Engine.Data;

namespace HomemadeML.Engine.Tests.Data;

public class CsvReaderTests
{
    private const string Flowers = "length,width,species\n1.0,0.5,small\n3.5,1.2,big\n\"1.2\",0.4,small\n";

    [Fact]
    public void Read_StringLabels_MapsThemToOrderedClasses()
    {
        var data = CsvReader.Read(Flowers, new CsvReadOptions { LabelColumn = "species" });
        Assert.Equal(["length", "width"], data.FeatureNames);
        Assert.Equal(["big", "small"], data.ClassNames);
        Assert.Equal([1, 0, 1], data.Labels!);
        Assert.Equal(1.2, data.Features[2, 0]);
    }

    [Fact]
    public void Read_NumericTargetAndChosenFeatures_GivesRegressionData()
    {
        var data = CsvReader.Read("a;b;y\n1;2;3\n4;5;6\n", new CsvReadOptions { LabelColumn = "y", FeatureColumns = ["b"], LabelIsClass = false });
        Assert.Equal(["b"], data.FeatureNames);
        Assert.Equal([3.0, 6.0], data.Targets!);
    }

    [Fact]
    public void Read_NonNumericCell_NamesRowAndColumn()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvReader.Read("x,y\n1,2\nabc,3\n", new CsvReadOptions { LabelColumn = "y" }));
        Assert.Equal((3, "x"), (ex.Row, ex.Column));
        Assert.Contains("row 3, column 'x': 'abc' is not a number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownLabelColumn_ListsTheColumns()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvReader.Read(Flowers, new CsvReadOptions { LabelColumn = "kind" }));
        Assert.Contains("columns: length, width, species", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("x,y\n1,2\n", "at least 2")]
    [InlineData("x,y\n1,2\n3\n", "row 3 has 1 fields")]
    [InlineData("x,y\n1,2\nInfinity,3\n", "not a finite number")]
    [InlineData("x,x\n1,2\n3,4\n", "twice")]
    public void Read_MalformedText_ThrowsSpecificError(string text, string expected)
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvReader.Read(text, new CsvReadOptions { LabelColumn = null }));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreRowsThanAllowed_Refuses()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvReader.Read(Flowers, new CsvReadOptions { MaxRows = 2 }));
        Assert.Contains("at most 2", ex.Message, StringComparison.Ordinal);
    }
}
