using HomemadeML.Engine.Features;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Algorithms;

/// <summary>
/// K-means clustering by Lloyd's algorithm: assign every row to its nearest centroid, move every centroid to the
/// mean of its rows, repeat until no assignment changes; the best of several restarts by inertia wins.
/// </summary>
public sealed class KMeans
{
    // Above this many multiply-adds per assignment pass, distances come from one matrix product
    // (‖x‖² − 2·x·c + ‖c‖²) instead of a loop of squared differences.
    private const long ProductAssignmentThreshold = 1L << 20;

    public KMeans(KMeansOptions? options = null)
    {
        Options = options ?? new KMeansOptions();
        Options.Validate();
    }

    public KMeansOptions Options { get; }

    public KMeansModel Fit(Matrix x, IProgress<TrainingProgress>? progress = null, TrainingLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (Options.K > x.Rows)
        {
            throw new ArgumentException($"K is {Options.K} but x has only {x.Rows} rows; K must be at most the number of rows.", nameof(x));
        }

        ColumnStatistics.RequireFinite(x, nameof(x));
        var random = new Random(Options.Seed);
        var workspace = new DistanceWorkspace(x.Rows, Options.K, limits?.MaxDegreeOfParallelism);
        var monitor = new TrainingMonitor(Options.Restarts * Options.MaxIterations, progress, limits, cancellationToken);
        KMeansModel? best = null;
        for (int restart = 0; restart < Options.Restarts; restart++)
        {
            monitor.Stage = $"restart {restart + 1} of {Options.Restarts}";
            monitor.StepOffset = restart * Options.MaxIterations;
            var run = Lloyd(x, Initialize(x, random), workspace, monitor, restart);
            if (best is null || run.Inertia < best.Inertia)
            {
                best = run;
            }

            if (run.StopReason == StopReason.TimeLimitReached)
            {
                break;
            }
        }

        // Restarts usually converge well before MaxIterations: close the progress at 100 % for the listener.
        monitor.StepOffset = monitor.TotalSteps - Options.MaxIterations;
        monitor.Report(Options.MaxIterations, best!.Inertia);
        return best;
    }

    private KMeansModel Lloyd(Matrix x, Matrix centroids, DistanceWorkspace workspace, TrainingMonitor monitor, int restart)
    {
        int k = Options.K;
        var assignments = new int[x.Rows];
        var previous = new int[x.Rows];
        var counts = new int[k];
        var history = new List<double>();
        var path = new List<Matrix> { centroids.Clone() };
        var stopReason = StopReason.CompletedIterations;
        int iterations = 0;
        Array.Fill(previous, -1);

        // The lesson's loop calls Assign(x, centroids, assignments); here it reuses this fit's distance buffers.
        void Assign(Matrix x, Matrix centroids, int[] assignments) => KMeans.Assign(x, centroids, assignments, workspace);

        // lesson-snippet-start: k-means
        for (int iteration = 1; iteration <= Options.MaxIterations; iteration++)
        {
            // Assignment step: c(i) = argmin_k ‖x(i) − μk‖².
            Assign(x, centroids, assignments);

            // Update step: μk = mean of the rows assigned to cluster k.
            Array.Clear(centroids.Data);
            Array.Clear(counts);
            for (int i = 0; i < x.Rows; i++)
            {
                Kernels.Kernels.MultiplyAdd(1.0, x.Row(i), centroids.Row(assignments[i]));
                counts[assignments[i]]++;
            }

            for (int c = 0; c < k; c++)
            {
                Kernels.Kernels.Scale(counts[c] == 0 ? 0 : 1.0 / counts[c], centroids.Row(c), centroids.Row(c));
            }

            for (int c = 0; c < k; c++)
            {
                if (counts[c] == 0)
                {
                    // An empty cluster takes over the row farthest from its centroid.
                    ReseedEmptyCluster(x, centroids, assignments, c);
                }
            }

            iterations = iteration;
            path.Add(centroids.Clone());
            double inertia = Inertia(x, centroids, assignments);
            bool unchanged = assignments.AsSpan().SequenceEqual(previous);
            if (monitor.ShouldStop(iteration, inertia, out stopReason, recordCost: false) || unchanged)
            {
                history.Add(inertia);
                stopReason = unchanged ? StopReason.Converged : stopReason;
                break;
            }

            history.Add(inertia);
            assignments.CopyTo(previous, 0);
        }
        // lesson-snippet-end: k-means

        // The centroids moved after the last assignment: assign once more so rows and centroids agree.
        Assign(x, centroids, assignments);
        return new KMeansModel(centroids, assignments, Inertia(x, centroids, assignments), history, path, stopReason, iterations, restart);
    }

    private Matrix Initialize(Matrix x, Random random)
    {
        int k = Options.K;
        var centroids = new Matrix(k, x.Columns);
        if (Options.Init == KMeansInit.RandomSample)
        {
            var rows = Enumerable.Range(0, x.Rows).ToArray();
            random.Shuffle(rows);
            for (int c = 0; c < k; c++)
            {
                x.Row(rows[c]).CopyTo(centroids.Row(c));
            }

            return centroids;
        }

        // k-means++: the first centroid uniformly, each next one with probability D(x)² / Σ D².
        x.Row(random.Next(x.Rows)).CopyTo(centroids.Row(0));
        var nearest = new double[x.Rows];
        for (int i = 0; i < x.Rows; i++)
        {
            nearest[i] = Kernels.Kernels.SquaredDistance(x.Row(i), centroids.Row(0));
        }

        for (int c = 1; c < k; c++)
        {
            double total = nearest.Sum();
            int chosen = x.Rows - 1;
            if (total > 0)
            {
                double target = random.NextDouble() * total, running = 0;
                for (int i = 0; i < x.Rows; i++)
                {
                    running += nearest[i];
                    if (running >= target && nearest[i] > 0)
                    {
                        chosen = i;
                        break;
                    }
                }
            }
            else
            {
                chosen = random.Next(x.Rows);
            }

            x.Row(chosen).CopyTo(centroids.Row(c));
            for (int i = 0; i < x.Rows; i++)
            {
                nearest[i] = Math.Min(nearest[i], Kernels.Kernels.SquaredDistance(x.Row(i), centroids.Row(c)));
            }
        }

        return centroids;
    }

    /// <summary>
    /// Writes the index of the nearest centroid of each row (ties go to the lower index). Pass the fit's
    /// <paramref name="workspace"/> to reuse its buffers; without one (prediction) they are allocated here.
    /// </summary>
    internal static void Assign(Matrix x, Matrix centroids, int[] assignments, DistanceWorkspace? workspace = null)
    {
        int k = centroids.Rows;
        if ((long)x.Rows * k * x.Columns < ProductAssignmentThreshold)
        {
            for (int i = 0; i < x.Rows; i++)
            {
                var row = x.Row(i);
                int best = 0;
                double bestDistance = double.PositiveInfinity;
                for (int c = 0; c < k; c++)
                {
                    double d = Kernels.Kernels.SquaredDistance(row, centroids.Row(c));
                    if (d < bestDistance)
                    {
                        bestDistance = d;
                        best = c;
                    }
                }

                assignments[i] = best;
            }

            return;
        }

        // ‖x − c‖² = ‖x‖² − 2·x·c + ‖c‖²; ‖x‖² is the same for every c, so argmin needs only ‖c‖² − 2·x·c.
        workspace ??= new DistanceWorkspace(x.Rows, k, maxDegreeOfParallelism: null);
        var products = workspace.Products;
        var centroidNorms = workspace.CentroidNorms;
        MatrixMultiply.MultiplyTransposedRight(x, centroids, products);
        for (int c = 0; c < k; c++)
        {
            centroidNorms[c] = Kernels.Kernels.SumOfSquares(centroids.Row(c));
        }

        // Each row's argmin is independent and written to its own slot, so the split across cores is deterministic.
        Parallel.For(0, x.Rows, workspace.Parallelism, i =>
        {
            var row = products.Row(i);
            int best = 0;
            double bestScore = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
            {
                double score = centroidNorms[c] - (2 * row[c]);
                if (score < bestScore)
                {
                    bestScore = score;
                    best = c;
                }
            }

            assignments[i] = best;
        });
    }

    /// <summary>Buffers of the matrix-product assignment, allocated once per fit rather than per iteration.</summary>
    internal sealed class DistanceWorkspace(int rows, int k, int? maxDegreeOfParallelism)
    {
        public Matrix Products { get; } = new(rows, k);

        public double[] CentroidNorms { get; } = new double[k];

        public ParallelOptions Parallelism { get; } = new() { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
    }

    /// <summary>Computes Σᵢ ‖xᵢ − μ_c(i)‖².</summary>
    public static double Inertia(Matrix x, Matrix centroids, int[] assignments)
    {
        double sum = 0;
        for (int i = 0; i < x.Rows; i++)
        {
            sum += Kernels.Kernels.SquaredDistance(x.Row(i), centroids.Row(assignments[i]));
        }

        return sum;
    }

    private static void ReseedEmptyCluster(Matrix x, Matrix centroids, int[] assignments, int empty)
    {
        int farthest = 0;
        double farthestDistance = -1;
        for (int i = 0; i < x.Rows; i++)
        {
            double d = Kernels.Kernels.SquaredDistance(x.Row(i), centroids.Row(assignments[i]));
            if (d > farthestDistance)
            {
                farthestDistance = d;
                farthest = i;
            }
        }

        x.Row(farthest).CopyTo(centroids.Row(empty));
        assignments[farthest] = empty;
    }

}
