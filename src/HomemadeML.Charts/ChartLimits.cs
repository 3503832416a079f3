namespace HomemadeML.Charts;

/// <summary>
/// Size caps for every chart. Chat hosts cap a whole tool result near 1 MiB (Claude Desktop) and
/// several charts can travel in one result, so each PNG stays far below that.
/// </summary>
public static class ChartLimits
{
    /// <summary>Widest PNG we produce, in pixels.</summary>
    public const int MaxWidth = 800;

    /// <summary>Tallest PNG we produce, in pixels.</summary>
    public const int MaxHeight = 500;

    /// <summary>Largest PNG we produce: 150 KB, so five charts plus text stay under 1 MiB even after base64 (×4/3).</summary>
    public const int MaxBytes = 150 * 1024;
}
