namespace HomemadeML.Engine.Data;

/// <summary>CSV text that cannot become a dataset; says where (row 1 is the header, as in a spreadsheet) and why.</summary>
public sealed class CsvFormatException : FormatException
{
    public CsvFormatException(string message, int row = 0, string? column = null)
        : base(message)
    {
        Row = row;
        Column = column;
    }

    public CsvFormatException()
    {
    }

    public CsvFormatException(string message)
        : base(message)
    {
    }

    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>1-based row number of the offending line (header = 1), or 0 when the problem is not one row.</summary>
    public int Row { get; }

    /// <summary>Name of the offending column, when there is one.</summary>
    public string? Column { get; }
}
