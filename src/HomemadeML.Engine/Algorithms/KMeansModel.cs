using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Algorithms;

/// <summary>A finished clustering: the centroids, each training row's cluster, and how the run went.</summary>
public sealed class KMeansModel
{
    private readonly Matrix _centroids;

    internal KMeansModel(Matrix centroids, int[] assignments, double inertia, IReadOnlyList<double> inertiaHistory, IReadOnlyList<Matrix> centroidPath, StopReason stopReason, int iterationsRun, int bestRestart)
    {
        _centroids = centroids;
        Assignments = assignments;
        Inertia = inertia;
        InertiaHistory = inertiaHistory;
        CentroidPath = centroidPath;
        StopReason = stopReason;
        IterationsRun = iterationsRun;
        BestRestart = bestRestart;
    }

    /// <summary>K × features: row k is the mean of the rows assigned to cluster k.</summary>
    public Matrix Centroids => _centroids.Clone();

    /// <summary>The cluster of every training row.</summary>
    public IReadOnlyList<int> Assignments { get; }

    /// <summary>Σᵢ ‖xᵢ − μ_c(i)‖²: the sum of squared distances from each row to its centroid.</summary>
    public double Inertia { get; }

    /// <summary>Inertia after each iteration of the winning restart (the cost history).</summary>
    public IReadOnlyList<double> InertiaHistory { get; }

    /// <summary>The same as <see cref="InertiaHistory"/>, under the name every model uses.</summary>
    public IReadOnlyList<double> CostHistory => InertiaHistory;

    /// <summary>The centroids at the start and after each iteration of the winning restart.</summary>
    public IReadOnlyList<Matrix> CentroidPath { get; }

    public StopReason StopReason { get; }

    public int IterationsRun { get; }

    /// <summary>Which restart (0-based) gave the lowest inertia.</summary>
    public int BestRestart { get; }

    public int K => _centroids.Rows;

    /// <summary>The nearest centroid of every row of <paramref name="x"/>.</summary>
    public int[] Predict(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != _centroids.Columns)
        {
            throw new ArgumentException($"x has {x.Columns} columns; the model was trained on {_centroids.Columns}.", nameof(x));
        }

        var assignments = new int[x.Rows];
        KMeans.Assign(x, _centroids, assignments);
        return assignments;
    }
}
