using HomemadeML.Content.Tests.Harness;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Content.Tests.Lessons;

/// <summary>The k-means lesson's numbers, recomputed by the engine.</summary>
public sealed class KMeansLessonTests
{
    private const string LessonId = "k-means";

    // Both sides compute the same sums of squares in double precision over ≤ 24 points; 1e-9 leaves room only for
    // summation-order differences (~1e-15 relative), never for a different clustering.
    private const double Tolerance = 1e-9;

    [Fact]
    public void WorkedExample_AssignmentAndUpdateStep_MatchEngine()
    {
        var check = LessonChecks.Check(LessonId, "k-means-step");
        var x = LessonChecks.ToMatrix(check.GetProperty("x"));
        var start = LessonChecks.ToMatrix(check.GetProperty("centroids"));
        var expected = check.GetProperty("expected");

        // Assignment and inertia with the lesson's starting centroids, through the engine's distance kernel.
        var assignments = new int[x.Rows];
        var inertiaBefore = 0.0;
        for (var i = 0; i < x.Rows; i++)
        {
            var d0 = HomemadeML.Engine.Kernels.Kernels.SquaredDistance(x.Row(i), start.Row(0));
            var d1 = HomemadeML.Engine.Kernels.Kernels.SquaredDistance(x.Row(i), start.Row(1));
            assignments[i] = d1 < d0 ? 1 : 0;
            inertiaBefore += Math.Min(d0, d1);
        }

        Assert.Equal(LessonChecks.ToInts(expected.GetProperty("assignments")), assignments);
        LessonChecks.AssertClose(expected.GetProperty("inertia_before").GetDouble(), inertiaBefore, Tolerance, "inertia before the update");

        // The updated centroids are a fixed point and the best 2-split, so the engine's fit must land exactly there.
        var model = new KMeans(new KMeansOptions { K = 2, Init = KMeansInit.KMeansPlusPlus, Restarts = 5, Seed = 3 }).Fit(x, cancellationToken: TestContext.Current.CancellationToken);
        var expectedCentroids = LessonChecks.ToMatrix(expected.GetProperty("centroids"));
        var order = OrderByFirstCoordinate(model.Centroids);
        for (var j = 0; j < 2; j++)
        {
            LessonChecks.AssertClose(expectedCentroids.Row(j).ToArray(), model.Centroids.Row(order[j]).ToArray(), Tolerance, $"centroid {j}");
        }

        LessonChecks.AssertClose(expected.GetProperty("inertia_after").GetDouble(), model.Inertia, Tolerance, "inertia after the update");
        var remapped = model.Assignments.Select(a => Array.IndexOf(order, a)).ToArray();
        Assert.Equal(LessonChecks.ToInts(expected.GetProperty("assignments")), remapped);
    }

    [Fact]
    public void PythonResult_ThreeCircles_MatchesEngineFit()
    {
        var python = LessonChecks.RunPython(LessonId);
        var engineCheck = LessonChecks.EngineCheck(LessonId);
        var data = engineCheck.GetProperty("data");
        var hyper = engineCheck.GetProperty("hyperparameters");
        var x = Circles(
            LessonChecks.ToMatrix(data.GetProperty("centres")),
            LessonChecks.ToDoubles(data.GetProperty("radii")),
            data.GetProperty("points_per_circle").GetInt32(),
            data.GetProperty("angle_offset").GetDouble());
        var tolerance = engineCheck.GetProperty("relative_tolerance").GetDouble();

        var model = new KMeans(new KMeansOptions
        {
            K = hyper.GetProperty("k").GetInt32(),
            MaxIterations = hyper.GetProperty("iterations").GetInt32(),
            Init = KMeansInit.KMeansPlusPlus,
            Restarts = hyper.GetProperty("restarts").GetInt32(),
            Seed = hyper.GetProperty("seed").GetInt32(),
        }).Fit(x, cancellationToken: TestContext.Current.CancellationToken);

        LessonChecks.AssertClose(python.Number("inertia"), model.Inertia, tolerance, "inertia");
        var order = OrderByFirstCoordinate(model.Centroids);
        var expected = python.Result.GetProperty("centroids").EnumerateArray().Select(LessonChecks.ToDoubles).ToArray();
        for (var j = 0; j < expected.Length; j++)
        {
            LessonChecks.AssertClose(expected[j], model.Centroids.Row(order[j]).ToArray(), tolerance, $"centroid {j}");
        }

        // The lesson's prose gives the closed form: each circle's mean is its centre, so inertia = n·Σ r².
        var perCircle = data.GetProperty("points_per_circle").GetInt32();
        var closedForm = perCircle * LessonChecks.ToDoubles(data.GetProperty("radii")).Sum(r => r * r);
        LessonChecks.AssertClose(closedForm, model.Inertia, tolerance, "inertia against n·Σ r²");

        var sizes = model.Assignments.GroupBy(a => a).Select(g => g.Count()).Order().ToArray();
        Assert.Equal(LessonChecks.ToInts(python.Result.GetProperty("cluster_sizes")), sizes);
    }

    /// <summary>Same construction as the lesson's Python: evenly spaced points on each circle, offset by a fixed angle.</summary>
    private static Matrix Circles(Matrix centres, double[] radii, int perCircle, double offset)
    {
        var rows = new List<double[]>();
        for (var c = 0; c < centres.Rows; c++)
        {
            for (var p = 0; p < perCircle; p++)
            {
                // np.linspace(0, 2π, n, endpoint=False) + offset
                var angle = (2.0 * Math.PI * p / perCircle) + offset;
                rows.Add([centres[c, 0] + (radii[c] * Math.Cos(angle)), centres[c, 1] + (radii[c] * Math.Sin(angle))]);
            }
        }

        return Matrix.FromRows(rows);
    }

    // Cluster numbers are arbitrary; the lesson lists centroids sorted by x then y.
    private static int[] OrderByFirstCoordinate(Matrix centroids) =>
        Enumerable.Range(0, centroids.Rows).OrderBy(j => centroids[j, 0]).ThenBy(j => centroids[j, 1]).ToArray();
}
