using System.Globalization;

namespace HomemadeML.Engine.Data;

/// <summary>
/// Maps raw labels (numbers or strings) to class indices 0…K−1. Classes are ordered numerically when every
/// label is a number, otherwise ordinally as strings, so the same labels always give the same indices.
/// </summary>
public sealed record ClassLabels(int[] Indices, IReadOnlyList<string> Names)
{
    public static ClassLabels FromValues(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var trimmed = values.Select(v => v.Trim()).ToArray();
        bool numeric = trimmed.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var names = numeric
            ? trimmed.Distinct().OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : trimmed.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            index[names[i]] = i;
        }

        return new ClassLabels([.. trimmed.Select(v => index[v])], names);
    }
}
