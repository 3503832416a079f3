namespace HomemadeML.Engine.Algorithms;

/// <summary>How <see cref="KMeans"/> picks its first centroids.</summary>
public enum KMeansInit
{
    /// <summary>K distinct training rows drawn at random (homemade's <c>centroids_init</c>).</summary>
    RandomSample,

    /// <summary>k-means++: each next centroid is drawn with probability proportional to D(x)², its squared distance to the nearest chosen one.</summary>
    KMeansPlusPlus,
}

/// <summary>Settings of <see cref="KMeans"/>. Defaults follow homemade's iris clustering demo.</summary>
public sealed record KMeansOptions
{
    /// <summary>Upper bound of <see cref="MaxIterations"/>: Lloyd's algorithm converges in far fewer on real data.</summary>
    public const int IterationLimit = 100_000;

    /// <summary>Upper bound of <see cref="Restarts"/>: each restart is a full run.</summary>
    public const int RestartLimit = 1_000;

    /// <summary>Number of clusters. Homemade iris demo: <c>num_clusters = 3</c>.</summary>
    public int K { get; init; } = 3;

    /// <summary>Most Lloyd iterations per restart. Homemade iris demo: <c>max_iterations = 50</c>.</summary>
    public int MaxIterations { get; init; } = 50;

    /// <summary>Homemade draws random rows; k-means++ is scikit-learn's default and is offered to compare.</summary>
    public KMeansInit Init { get; init; } = KMeansInit.RandomSample;

    /// <summary>Independent runs from different initial centroids; the lowest inertia wins. Homemade runs once.</summary>
    public int Restarts { get; init; } = 1;

    public int Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (K < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(K), K, $"K must be at least 1; got {K}.");
        }

        if (MaxIterations is < 1 or > IterationLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, $"MaxIterations must be in 1…{IterationLimit}; got {MaxIterations}.");
        }

        if (Restarts is < 1 or > RestartLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(Restarts), Restarts, $"Restarts must be in 1…{RestartLimit}; got {Restarts}.");
        }

        if (!Enum.IsDefined(Init))
        {
            throw new ArgumentOutOfRangeException(nameof(Init), Init, "Init must be RandomSample or KMeansPlusPlus.");
        }
    }
}
