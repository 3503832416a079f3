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

    [Fact]
    public void Read_LabelByIndex_UsesThatColumn()
    {
        var data = CsvReader.Read(Flowers, new CsvReadOptions { LabelColumn = "2" });
        Assert.Equal("species", data.TargetName);
        Assert.Equal(["length", "width"], data.FeatureNames);
    }

    [Fact]
    public void Read_QuotedFieldWithSeparatorAndQuote_KeepsThemInTheLabel()
    {
        var data = CsvReader.Read("x,name\n1,\"a, \"\"b\"\"\"\n2, c \n", new CsvReadOptions { LabelColumn = "name" });
        Assert.Equal(["a, \"b\"", "c"], data.ClassNames);
        Assert.Equal([0, 1], data.Labels!);
    }

    [Fact]
    public void Read_TabSeparatedWithPaddedCells_DetectsTabsAndTrims()
    {
        var data = CsvReader.Read(" x \t y \r\n 1.5 \t 2\r\n-3e1\t4\r\n", new CsvReadOptions { LabelColumn = "y", LabelIsClass = false });
        Assert.Equal(["x"], data.FeatureNames);
        Assert.Equal([1.5, -30], data.Features.Data);
        Assert.Equal([2.0, 4], data.Targets!);
    }

    [Fact]
    public void Read_NumericClassLabels_OrdersThemNumerically()
    {
        var data = CsvReader.Read("x,k\n1,10\n2,9\n3,10\n", new CsvReadOptions { LabelColumn = "k" });
        Assert.Equal(["9", "10"], data.ClassNames);
        Assert.Equal([1, 0, 1], data.Labels!);
    }

    [Fact]
    public void Read_BlankLineBeforeBadCell_CountsItInTheRowNumber()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvReader.Read("x,y\n1,2\n\n3,oops\n", new CsvReadOptions { LabelColumn = "x", LabelIsClass = false }));
        Assert.Equal((4, "y"), (ex.Row, ex.Column));
    }

    [Fact]
    public void Read_BadRegressionTarget_NamesRowAndTargetColumn()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvReader.Read("x,y\n1,2\n3,NaN\n", new CsvReadOptions { LabelColumn = "y", LabelIsClass = false }));
        Assert.Equal((3, "y"), (ex.Row, ex.Column));
        Assert.Contains("not a finite number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyLabel_NamesRowAndColumn()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvReader.Read("x,y\n1,a\n2, \n", new CsvReadOptions { LabelColumn = "y" }));
        Assert.Equal((3, "y"), (ex.Row, ex.Column));
    }

    [Fact]
    public void Read_UnknownFeatureColumn_ListsTheColumns()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvReader.Read(Flowers, new CsvReadOptions { LabelColumn = "species", FeatureColumns = ["height"] }));
        Assert.Contains("feature column 'height'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("columns: length, width, species", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LabelAlsoChosenAsFeature_Refuses()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvReader.Read(Flowers, new CsvReadOptions { LabelColumn = "width", FeatureColumns = ["length", "width"] }));
        Assert.Equal("width", ex.Column);
    }

    [Fact]
    public void Read_UnclosedQuote_NamesTheRow()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvReader.Read("x,y\n1,2\n\"3,4\n", new CsvReadOptions { LabelColumn = "y" }));
        Assert.Equal(3, ex.Row);
    }

    [Fact]
    public void Read_MoreBytesThanAllowed_RefusesBeforeParsing()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvReader.Read(Flowers, new CsvReadOptions { MaxBytes = 10 }));
        Assert.Contains("at most 10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreColumnsThanAllowed_Refuses()
    {
        var ex = Assert.Throws<CsvFormatException>(() => CsvReader.Read(Flowers, new CsvReadOptions { MaxColumns = 2 }));
        Assert.Equal(1, ex.Row);
        Assert.Contains("at most 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoLabelColumn_GivesUnlabelledDataForClustering()
    {
        var data = CsvReader.Read("a,b\n1,2\n3,4\n");
        Assert.Null(data.Labels);
        Assert.Null(data.Targets);
        Assert.Equal([1.0, 2, 3, 4], data.Features.Data);
    }
}
