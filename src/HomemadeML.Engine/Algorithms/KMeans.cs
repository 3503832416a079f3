using HomemadeML.Engine.Features;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Algorithms;

/// <summary>
/// K-means clustering by Lloyd's algorithm: assign every row to its nearest centroid, move every centroid to the
/// mean of its rows, repeat until no assignment changes; the best of several restarts by inertia wins.
/// </summary>
public sealed partial class KMeans
{
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
        var pass = new LloydPass(x, Options.K, limits?.MaxDegreeOfParallelism);
        var monitor = new TrainingMonitor(Options.Restarts * Options.MaxIterations, progress, limits, cancellationToken);
        KMeansModel? best = null;
        for (int restart = 0; restart < Options.Restarts; restart++)
        {
            monitor.Stage = $"restart {restart + 1} of {Options.Restarts}";
            monitor.StepOffset = restart * Options.MaxIterations;
            var run = Lloyd(x, Initialize(x, random), pass, monitor, restart);
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

    private KMeansModel Lloyd(Matrix x, Matrix centroids, LloydPass pass, TrainingMonitor monitor, int restart)
    {
        int k = Options.K;
        var assignments = new int[x.Rows];
        var previous = new int[x.Rows];
        var sums = new Matrix(k, x.Columns);
        var counts = new int[k];
        var history = new List<double>();
        var path = new List<Matrix> { centroids.Clone() };
        var stopReason = StopReason.CompletedIterations;
        int iterations = 0;
        Array.Fill(previous, -1);

        // The lesson's loop calls these two as if they were plain methods; both run on this fit's LloydPass, which
        // holds the per-chunk buffers and the data's total scatter.
        void AssignAndSum(Matrix x, Matrix centroids, int[] assignments, Matrix sums, int[] counts) => pass.Run(x, centroids, assignments, sums, counts);
        double InertiaOfMeans(Matrix centroids, int[] counts) => pass.InertiaOfMeans(centroids, counts);

        // lesson-snippet-start: k-means
        for (int iteration = 1; iteration <= Options.MaxIterations; iteration++)
        {
            // Assignment step, c(i) = argmin_k ‖x(i) − μk‖², fused with the sums the update step needs: one pass
            // over x gives every row its nearest centroid and adds the row to that cluster's sum and count.
            AssignAndSum(x, centroids, assignments, sums, counts);

            // Update step: μk = mean of the rows assigned to cluster k.
            for (int c = 0; c < k; c++)
            {
                Kernels.Kernels.Scale(counts[c] == 0 ? 0 : 1.0 / counts[c], sums.Row(c), centroids.Row(c));
            }

            bool reseeded = false;
            for (int c = 0; c < k; c++)
            {
                if (counts[c] == 0)
                {
                    // An empty cluster takes over the row farthest from its centroid.
                    ReseedEmptyCluster(x, centroids, assignments, c);
                    reseeded = true;
                }
            }

            iterations = iteration;
            path.Add(centroids.Clone());

            // When every centroid is the mean of its rows, inertia = total scatter − Σk nk·‖μk − x̄‖² needs no pass
            // over x; a re-seeded centroid is no mean, so then the distances are summed row by row.
            double inertia = reseeded ? Inertia(x, centroids, assignments) : InertiaOfMeans(centroids, counts);
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
        pass.Run(x, centroids, assignments, sums: null, counts: null);
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

    /// <summary>Writes the index of the nearest centroid of each row of <paramref name="x"/> (ties go to the lower index).</summary>
    internal static void Assign(Matrix x, Matrix centroids, int[] assignments) =>
        new LloydPass(x, centroids.Rows, maxDegreeOfParallelism: null).Run(x, centroids, assignments, sums: null, counts: null);

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
