namespace HomemadeML.Charts;

/// <summary>
/// One rendered picture: a PNG plus a sentence that says what it shows with its key numbers,
/// for hosts that drop images (and for the learner's screen reader).
/// </summary>
/// <param name="Name">File-name-safe identifier, e.g. "cost" or "decision-regions" (no extension).</param>
/// <param name="Title">The title drawn on the chart.</param>
/// <param name="Description">A plain-text sentence describing the chart with its key numbers.</param>
/// <param name="Png">PNG bytes, at most <see cref="ChartLimits.MaxWidth"/>×<see cref="ChartLimits.MaxHeight"/> px and <see cref="ChartLimits.MaxBytes"/> bytes.</param>
public sealed record RenderedChart(string Name, string Title, string Description, byte[] Png);
