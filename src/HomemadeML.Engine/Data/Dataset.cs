using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Data;

/// <summary>
/// A table of examples: a feature matrix (one row per example) and, when the data has one, a target.
/// Regression data has <see cref="Targets"/>; classification and anomaly data have <see cref="Labels"/>
/// (class indices into <see cref="ClassNames"/>; anomaly data uses 0 = normal, 1 = anomaly).
/// </summary>
public sealed record Dataset
{
    public required string Name { get; init; }

    /// <summary>One sentence on what the data is and where it comes from.</summary>
    public required string Description { get; init; }

    public required Matrix Features { get; init; }

    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>Real-valued target per row (regression), or null.</summary>
    public double[]? Targets { get; init; }

    /// <summary>Class index per row (classification, anomaly flag, or the true groups of clustering data), or null.</summary>
    public int[]? Labels { get; init; }

    /// <summary>Name of each class index in <see cref="Labels"/>, or null.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Name of the target or label column, when there is one.</summary>
    public string? TargetName { get; init; }

    /// <summary>For image data (digits, Fashion-MNIST): each row is a Height × Width grey image, row by row.</summary>
    public ImageShape? Image { get; init; }

    public int Rows => Features.Rows;

    public int FeatureCount => Features.Columns;

    public int ClassCount => ClassNames?.Count ?? 0;

    /// <summary>A dataset with the same columns and only the given rows (for splits).</summary>
    public Dataset WithRows(ReadOnlySpan<int> rowIndices)
    {
        int[]? labels = null;
        double[]? targets = null;
        if (Labels is not null)
        {
            labels = new int[rowIndices.Length];
            for (int i = 0; i < rowIndices.Length; i++)
            {
                labels[i] = Labels[rowIndices[i]];
            }
        }

        if (Targets is not null)
        {
            targets = new double[rowIndices.Length];
            for (int i = 0; i < rowIndices.Length; i++)
            {
                targets[i] = Targets[rowIndices[i]];
            }
        }

        return this with { Features = Features.SelectRows(rowIndices), Labels = labels, Targets = targets };
    }
}

/// <summary>The pixel grid of an image row: <see cref="Height"/> rows of <see cref="Width"/> pixels.</summary>
public readonly record struct ImageShape(int Width, int Height);
