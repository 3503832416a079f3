using System.Globalization;

namespace HomemadeML.Benchmarks;

/// <summary>A plain-text table: the first column left-aligned, the others right-aligned, widths fitted to the cells.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Write(TextWriter output)
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in _rows)
        {
            for (int c = 0; c < Math.Min(row.Length, widths.Length); c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        void Line(IReadOnlyList<string> cells) =>
            output.WriteLine(string.Join("  ", cells.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());

        Line(headers);
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            Line(row);
        }
    }
}

/// <summary>Invariant-culture number formats shared by the sections' tables.</summary>
internal static class Format
{
    public const string NotRun = "n/a";

    /// <summary>Seconds with units that keep three significant figures: "12.3 ms", "4.56 s".</summary>
    public static string Seconds(double seconds) => seconds switch
    {
        double.NaN => NotRun,
        < 1e-3 => Invariant($"{seconds * 1e6:F1} µs"),
        < 1 => Invariant($"{seconds * 1e3:F1} ms"),
        < 100 => Invariant($"{seconds:F2} s"),
        _ => Invariant($"{seconds:F0} s"),
    };

    /// <summary>A speed ratio, "0.42×" or "37×".</summary>
    public static string Ratio(double ratio) => double.IsNaN(ratio) ? NotRun : ratio >= 10 ? Invariant($"{ratio:F0}×") : Invariant($"{ratio:F2}×");

    public static string Number(double value, string format) => double.IsNaN(value) ? NotRun : value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A small relative difference, "3.2E-15" (two-digit exponent, unlike the standard "E" format's three).</summary>
    public static string Small(double value) => Number(value, "0.0E+0");

    public static string Accuracy(double value) => Number(value, "F4");

    public static string Megabytes(double bytes) => double.IsNaN(bytes) ? NotRun : Invariant($"{bytes / 1e6:F0} MB");

    /// <summary>"yes"/"NO" against a target, or "n/a" when the peer's number is missing.</summary>
    public static string Met(bool? met) => met switch { true => "yes", false => "NO", null => NotRun };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
