using HomemadeML.Engine.Data;

namespace HomemadeML.Engine.Tests.Data;

public class ClassLabelsTests
{
    [Fact]
    public void FromValues_Strings_OrdersNamesOrdinallyAndIndexesEachRow()
    {
        var classes = ClassLabels.FromValues(["virginica", "setosa", " virginica ", "Setosa"]);
        Assert.Equal(["Setosa", "setosa", "virginica"], classes.Names);
        Assert.Equal([2, 1, 2, 0], classes.Indices);
    }

    [Fact]
    public void FromValues_Numbers_OrdersNamesByValue()
    {
        var classes = ClassLabels.FromValues(["2", "10", "-1", "2"]);
        Assert.Equal(["-1", "2", "10"], classes.Names);
        Assert.Equal([1, 2, 0, 1], classes.Indices);
    }

    [Fact]
    public void FromValues_SameLabelsInAnotherOrder_GiveTheSameNames() =>
        Assert.Equal(ClassLabels.FromValues(["b", "a", "c"]).Names, ClassLabels.FromValues(["c", "b", "a", "a"]).Names);
}
