using System.Globalization;
using System.Text;
using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Data;

/// <summary>How a CSV table becomes a dataset, and the caps that keep untrusted input small.</summary>
public sealed record CsvReadOptions
{
    /// <summary>The target column, by name or 0-based index; null: no target (clustering).</summary>
    public string? LabelColumn { get; init; }

    /// <summary>Feature columns by name; null or empty: every column but the label.</summary>
    public IReadOnlyList<string>? FeatureColumns { get; init; }

    /// <summary>True: the label names classes (strings or numbers, mapped by <see cref="ClassLabels"/>); false: a real-valued target.</summary>
    public bool LabelIsClass { get; init; } = true;

    public string Name { get; init; } = "csv";

    /// <summary>Largest text accepted, in UTF-8 bytes; 16 MiB by default (about 100,000 rows of a dozen numbers), checked before any parsing.</summary>
    public int MaxBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Most data rows accepted; 100,000 by default (more than Fashion-MNIST's 60,000 training images).</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>Most columns accepted; 1,000 by default (Fashion-MNIST has 784 pixels plus a label).</summary>
    public int MaxColumns { get; init; } = 1_000;
}

/// <summary>
/// Reads comma-, semicolon- or tab-separated text with a header row (separator detected from the header;
/// double-quoted fields may hold separators and "" for a quote, but not line breaks) into a <see cref="Dataset"/>.
/// Blank lines are skipped; row numbers still count them, so they match a text editor's line numbers.
/// Every problem is a <see cref="CsvFormatException"/> naming its row and column.
/// </summary>
public static class CsvReader
{
    public static Dataset Read(string text, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new CsvReadOptions();
        int bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > options.MaxBytes)
        {
            throw new CsvFormatException($"the CSV is {bytes} bytes; at most {options.MaxBytes} are allowed.");
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Select((line, index) => (Line: line, Row: index + 1))
            .Where(l => l.Line.Trim().Length > 0)
            .ToList();
        if (lines.Count == 0)
        {
            throw new CsvFormatException("the CSV is empty; it needs a header row and at least 2 data rows.");
        }

        char separator = DetectSeparator(lines[0].Line);
        var header = SplitLine(lines[0].Line, separator, lines[0].Row).Select(h => h.Trim()).ToArray();
        if (header.Length > options.MaxColumns)
        {
            throw new CsvFormatException($"the CSV has {header.Length} columns; at most {options.MaxColumns} are allowed.", lines[0].Row);
        }

        for (int j = 0; j < header.Length; j++)
        {
            if (header[j].Length == 0)
            {
                throw new CsvFormatException($"column {j + 1} of the header has no name.", lines[0].Row);
            }

            if (Array.IndexOf(header, header[j]) != j)
            {
                throw new CsvFormatException($"the header names column '{header[j]}' twice.", lines[0].Row, header[j]);
            }
        }

        int dataRows = lines.Count - 1;
        if (dataRows > options.MaxRows)
        {
            throw new CsvFormatException($"the CSV has {dataRows} data rows; at most {options.MaxRows} are allowed.");
        }

        if (dataRows < 2)
        {
            throw new CsvFormatException($"the CSV has {dataRows} data row(s); at least 2 are needed to train anything.");
        }

        int labelIndex = options.LabelColumn is { } label ? ColumnIndex(header, label, "label column") : -1;
        int[] featureIndices = options.FeatureColumns is { Count: > 0 } names
            ? [.. names.Select(n => ColumnIndex(header, n, "feature column"))]
            : [.. Enumerable.Range(0, header.Length).Where(j => j != labelIndex)];
        if (featureIndices.Length == 0)
        {
            throw new CsvFormatException("the CSV has no feature column besides the label.");
        }

        if (featureIndices.Contains(labelIndex))
        {
            throw new CsvFormatException($"'{header[labelIndex]}' is the label column and cannot also be a feature.", 1, header[labelIndex]);
        }

        var features = new Matrix(dataRows, featureIndices.Length);
        var rawLabels = new string[labelIndex >= 0 ? dataRows : 0];
        for (int i = 0; i < dataRows; i++)
        {
            var (line, row) = lines[i + 1];
            var cells = SplitLine(line, separator, row);
            if (cells.Count != header.Length)
            {
                throw new CsvFormatException($"row {row} has {cells.Count} fields; the header has {header.Length}.", row);
            }

            for (int j = 0; j < featureIndices.Length; j++)
            {
                features[i, j] = ParseNumber(cells[featureIndices[j]], row, header[featureIndices[j]]);
            }

            if (labelIndex >= 0)
            {
                rawLabels[i] = cells[labelIndex].Trim();
                if (rawLabels[i].Length == 0)
                {
                    throw new CsvFormatException($"row {row}, column '{header[labelIndex]}': the label is empty.", row, header[labelIndex]);
                }
            }
        }

        var dataset = new Dataset
        {
            Name = options.Name,
            Description = $"CSV data: {dataRows} rows, {featureIndices.Length} features" + (labelIndex >= 0 ? $", target '{header[labelIndex]}'." : "."),
            Features = features,
            FeatureNames = [.. featureIndices.Select(j => header[j])],
            TargetName = labelIndex >= 0 ? header[labelIndex] : null,
        };
        if (labelIndex < 0)
        {
            return dataset;
        }

        if (!options.LabelIsClass)
        {
            var targets = new double[dataRows];
            for (int i = 0; i < dataRows; i++)
            {
                targets[i] = ParseNumber(rawLabels[i], lines[i + 1].Row, header[labelIndex]);
            }

            return dataset with { Targets = targets };
        }

        var classes = ClassLabels.FromValues(rawLabels);
        return dataset with { Labels = classes.Indices, ClassNames = classes.Names };
    }

    private static int ColumnIndex(string[] header, string nameOrIndex, string what)
    {
        int byName = Array.FindIndex(header, h => string.Equals(h, nameOrIndex.Trim(), StringComparison.OrdinalIgnoreCase));
        if (byName >= 0)
        {
            return byName;
        }

        if (int.TryParse(nameOrIndex, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < header.Length)
        {
            return index;
        }

        throw new CsvFormatException($"{what} '{nameOrIndex}' is not in the header; columns: {string.Join(", ", header)}.", 1, nameOrIndex);
    }

    private static double ParseNumber(string cell, int row, string column)
    {
        var trimmed = cell.Trim();
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new CsvFormatException($"row {row}, column '{column}': '{Shorten(trimmed)}' is not a number.", row, column);
        }

        if (!double.IsFinite(value))
        {
            throw new CsvFormatException($"row {row}, column '{column}': {trimmed} is not a finite number.", row, column);
        }

        return value;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static char DetectSeparator(string header) =>
        header.Contains(',', StringComparison.Ordinal) ? ',' : header.Contains(';', StringComparison.Ordinal) ? ';' : header.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';

    private static List<string> SplitLine(string line, char separator, int row)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.ToString().Trim().Length == 0)
            {
                cell.Clear();
                quoted = true;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            throw new CsvFormatException($"row {row} ends inside a quoted field.", row);
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
