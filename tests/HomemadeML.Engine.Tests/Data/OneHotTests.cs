using HomemadeML.Engine.Data;

namespace HomemadeML.Engine.Tests.Data;

public class OneHotTests
{
    [Fact]
    public void Encode_Labels_PutsOneInTheLabelColumn()
    {
        var encoded = OneHot.Encode([2, 0, 1], classCount: 3);
        Assert.Equal((3, 3), (encoded.Rows, encoded.Columns));
        Assert.Equal([0.0, 0, 1, 1, 0, 0, 0, 1, 0], encoded.Data);
    }

    [Fact]
    public void Encode_LabelOutOfRange_ThrowsNamingLabels()
    {
        var ex = Assert.Throws<ArgumentException>("labels", () => OneHot.Encode([0, 3], classCount: 3));
        Assert.Contains("labels[1] is 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_NoClasses_ThrowsNamingClassCount() =>
        Assert.Throws<ArgumentOutOfRangeException>("classCount", () => OneHot.Encode([], classCount: 0));
}
