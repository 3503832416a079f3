namespace HomemadeML.Charts;

/// <summary>Argument checks shared by the charts: errors name the argument, the value and what is allowed.</summary>
internal static class ChartArguments
{
    public static void RequireSameLength(int count, string name, int otherCount, string otherName)
    {
        if (count != otherCount)
        {
            throw new ArgumentException($"{otherName} has {otherCount} entries but {name} has {count}; they must match.", otherName);
        }
    }

    public static void RequireColumns(HomemadeML.Engine.LinearAlgebra.Matrix matrix, int columns, string name)
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        if (matrix.Columns != columns)
        {
            throw new ArgumentException($"{name} has {matrix.Columns} columns; exactly {columns} are allowed here.", name);
        }
    }
}
