using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Charts;

/// <summary>Picks two feature columns to draw when the data has more: the two with the largest variance.</summary>
public static class FeatureProjection
{
    /// <summary>Indices of the two highest-variance columns in column order (0 and 1 when there are exactly two).</summary>
    /// <param name="x">At least two columns.</param>
    public static (int First, int Second) HighestVariance(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns < 2)
        {
            throw new ArgumentException($"x has {x.Columns} column(s); at least 2 are needed to draw a plane.", nameof(x));
        }

        var order = Enumerable.Range(0, x.Columns)
            .Select(j => (Column: j, Variance: Variance(x.Column(j))))
            .OrderByDescending(c => c.Variance)
            .ThenBy(c => c.Column)
            .Take(2)
            .Select(c => c.Column)
            .Order()
            .ToArray();
        return (order[0], order[1]);
    }

    private static double Variance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / values.Length;
    }
}
