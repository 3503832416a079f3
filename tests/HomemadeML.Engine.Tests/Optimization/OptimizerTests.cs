using HomemadeML.Engine.Optimization;
using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Tests.Optimization;

public class OptimizerTests
{
    [Theory]
    [InlineData(OptimizerKind.ConjugateGradient)]
    [InlineData(OptimizerKind.Lbfgs)]
    public void Minimize_Rosenbrock_ReachesTheMinimum(OptimizerKind kind)
    {
        double[] p = [-1.2, 1];
        var options = new OptimizerOptions { Kind = kind, MaxIterations = 5000, GradientTolerance = 1e-9 };
        var result = Optimizer.Minimize(TestObjectives.Rosenbrock, p, options, Monitor(options));

        Assert.Equal(StopReason.Converged, result.StopReason);
        // Near the minimum J ≈ ½·δᵀHδ with H's largest eigenvalue ≈ 1000, so |∇J| ≤ 1e-9 pins θ to ~1e-8.
        Assert.True(Math.Abs(p[0] - 1) < 1e-6 && Math.Abs(p[1] - 1) < 1e-6, $"{kind} ended at ({p[0]}, {p[1]}) after {result.Iterations} iterations");
    }

    [Theory]
    [InlineData(OptimizerKind.ConjugateGradient, 2658)]
    [InlineData(OptimizerKind.Lbfgs, 1263)]
    public void Minimize_IllConditionedQuadratic_NeedsNoMoreEvaluationsThanScipyUses(OptimizerKind kind, int scipyEvaluations)
    {
        // J = ½Σ cⱼ(θⱼ − j)², cⱼ = 10^(4j/99), n = 100, from θ = 0 to max|∇J| ≤ 1e-8. The budgets are scipy 1.10's
        // nfev on the same problem: minimize(method='CG', gtol=1e-8) → 2658 (homemade's optimizer) and
        // method='L-BFGS-B' (gtol=1e-8, ftol=1e-30) → 1263. Plain gradient descent would need ~10⁵ steps.
        const int n = 100;
        var p = new double[n];
        var options = new OptimizerOptions { Kind = kind, MaxIterations = 10_000, GradientTolerance = 1e-8 };
        var result = Optimizer.Minimize(TestObjectives.Quadratic(n, 1e4), p, options, Monitor(options));

        TestContext.Current.TestOutputHelper?.WriteLine($"{kind}: {result.Iterations} iterations, {result.Evaluations} evaluations (scipy {scipyEvaluations})");
        Assert.Equal(StopReason.Converged, result.StopReason);
        // "At least as strong": within 2 % of scipy's count (the two stop a different evaluation or so after crossing the tolerance).
        Assert.True(result.Evaluations <= scipyEvaluations * 1.02, $"{kind} used {result.Evaluations} evaluations; scipy needs {scipyEvaluations}");
        for (int j = 0; j < n; j++)
        {
            // Smallest curvature is 1, so |∇J| ≤ 1e-8 bounds each |θⱼ − j| by 1e-8.
            Assert.True(Math.Abs(p[j] - j) <= 1e-8, $"θ[{j}] = {p[j]}");
        }
    }

    [Fact]
    public void Minimize_GradientDescentOnQuadratic_ConvergesAndRecordsFallingCost()
    {
        var p = new double[5];
        var options = new OptimizerOptions { Kind = OptimizerKind.GradientDescent, LearningRate = 0.05, MaxIterations = 10_000, GradientTolerance = 1e-10 };
        var monitor = Monitor(options);
        var result = Optimizer.Minimize(TestObjectives.Quadratic(5, 10), p, options, monitor);

        Assert.Equal(StopReason.Converged, result.StopReason);
        Assert.Equal(result.Iterations, monitor.CostHistory.Count);
        Assert.True(monitor.CostHistory.Zip(monitor.CostHistory.Skip(1)).All(pair => pair.Second <= pair.First));
        Assert.True(Math.Abs(p[4] - 4) < 1e-9);
    }

    [Fact]
    public void Minimize_GradientDescentHugeLearningRate_StopsDivergedKeepingFiniteParameters()
    {
        var p = new double[3];
        var options = new OptimizerOptions { Kind = OptimizerKind.GradientDescent, LearningRate = 1e9, MaxIterations = 1000 };
        var monitor = Monitor(options);
        var result = Optimizer.Minimize(TestObjectives.Quadratic(3, 10), p, options, monitor);

        Assert.Equal(StopReason.Diverged, result.StopReason);
        Assert.True(result.Iterations < 1000);
        Assert.All(p, v => Assert.True(double.IsFinite(v)));
        Assert.All(monitor.CostHistory, v => Assert.True(double.IsFinite(v)));
    }

    [Theory]
    [InlineData(OptimizerKind.GradientDescent)]
    [InlineData(OptimizerKind.ConjugateGradient)]
    [InlineData(OptimizerKind.Lbfgs)]
    public void Minimize_AlreadyCancelled_ThrowsOperationCanceled(OptimizerKind kind)
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var options = new OptimizerOptions { Kind = kind };
        var monitor = new TrainingMonitor(options.MaxIterations, null, null, cts.Token);
        Assert.Throws<OperationCanceledException>(() => Optimizer.Minimize(TestObjectives.Rosenbrock, new double[] { -1.2, 1 }, options, monitor));
    }

    [Theory]
    [InlineData(OptimizerKind.GradientDescent)]
    [InlineData(OptimizerKind.ConjugateGradient)]
    [InlineData(OptimizerKind.Lbfgs)]
    public void Minimize_TimeLimitReached_StopsWithTimeLimitReason(OptimizerKind kind)
    {
        var options = new OptimizerOptions { Kind = kind, LearningRate = 1e-6, MaxIterations = OptimizerOptions.MaxIterationsLimit, GradientTolerance = 0 };
        var limits = new TrainingLimits { MaxWallTime = TimeSpan.FromMilliseconds(50) };
        var monitor = new TrainingMonitor(options.MaxIterations, null, limits, TestContext.Current.CancellationToken);
        // A slow objective (≥ 5 ms a call): Rosenbrock needs dozens of evaluations, far past the 50 ms cap.
        Objective slow = (p, g) =>
        {
            Thread.Sleep(5);
            return TestObjectives.Rosenbrock(p, g);
        };

        var result = Optimizer.Minimize(slow, new double[] { -1.2, 1 }, options, monitor);
        Assert.Equal(StopReason.TimeLimitReached, result.StopReason);
    }

    [Theory]
    [InlineData(OptimizerKind.GradientDescent)]
    [InlineData(OptimizerKind.ConjugateGradient)]
    [InlineData(OptimizerKind.Lbfgs)]
    public void Minimize_ManyIterations_AllocatesNothingPerIteration(OptimizerKind kind)
    {
        const int iterations = 2000;
        var objective = TestObjectives.Quadratic(20, 1e8);
        var options = new OptimizerOptions { Kind = kind, LearningRate = 1e-9, MaxIterations = iterations, GradientTolerance = 0 };

        // Baseline: what the monitor itself allocates for the same number of recorded costs.
        var baselineMonitor = Monitor(options);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i <= iterations; i++)
        {
            baselineMonitor.ShouldStop(i, 1.0, out _);
        }

        long baseline = GC.GetAllocatedBytesForCurrentThread() - before;
        var p = new double[20];
        var monitor = Monitor(options);
        before = GC.GetAllocatedBytesForCurrentThread();
        var result = Optimizer.Minimize(objective, p, options, monitor);
        long used = GC.GetAllocatedBytesForCurrentThread() - before;

        // One-off buffers (a few vectors of 20, the L-BFGS memory) stay far below 16 KB; 2000 iterations
        // of even one small allocation each would exceed it.
        Assert.True(used - baseline < 16 * 1024, $"{kind}: {used - baseline} bytes beyond the monitor's own over {result.Iterations} iterations");
    }

    [Theory]
    [InlineData(OptimizerKind.GradientDescent)]
    [InlineData(OptimizerKind.ConjugateGradient)]
    [InlineData(OptimizerKind.Lbfgs)]
    public void Minimize_NonFiniteStartingCost_ReportsDivergedWithoutMoving(OptimizerKind kind)
    {
        double[] p = [3, 4];
        var options = new OptimizerOptions { Kind = kind };
        var result = Optimizer.Minimize((_, g) => { g.Clear(); return double.NaN; }, p, options, Monitor(options));

        Assert.Equal((StopReason.Diverged, 0), (result.StopReason, result.Iterations));
        Assert.Equal([3.0, 4.0], p);
    }

    [Theory]
    [InlineData(OptimizerKind.ConjugateGradient)]
    [InlineData(OptimizerKind.Lbfgs)]
    public void Minimize_TrialStepHitsInfiniteCost_ShrinksTheStepAndConverges(OptimizerKind kind)
    {
        // J = −θ − 0.01·log(1 − θ) is +∞ for θ ≥ 1 and has its minimum at θ = 0.99. From θ = 0 the first trial
        // (a unit-length step) lands exactly on the wall.
        int infinite = 0;
        Objective walled = (p, g) =>
        {
            if (p[0] >= 1)
            {
                infinite++;
                g[0] = double.NaN;
                return double.PositiveInfinity;
            }

            g[0] = -1 + (0.01 / (1 - p[0]));
            return -p[0] - (0.01 * Math.Log(1 - p[0]));
        };

        double[] p = [0];
        var options = new OptimizerOptions { Kind = kind, GradientTolerance = 1e-10 };
        var result = Optimizer.Minimize(walled, p, options, Monitor(options));

        Assert.True(infinite > 0);
        Assert.Equal(StopReason.Converged, result.StopReason);
        // Curvature at the minimum is 100, so |∇J| ≤ 1e-10 puts θ within 1e-12 of 0.99.
        Assert.True(Math.Abs(p[0] - 0.99) < 1e-10, $"θ = {p[0]:R}");
    }

    [Fact]
    public void Minimize_IterationCallback_SeesEveryAcceptedIterationInOrder()
    {
        var seen = new List<(int Iteration, double Cost)>();
        var options = new OptimizerOptions { Kind = OptimizerKind.Lbfgs, MaxIterations = 50 };
        var monitor = Monitor(options);
        var result = Optimizer.Minimize(TestObjectives.Rosenbrock, new double[] { -1.2, 1 }, options, monitor, (i, _, cost) => seen.Add((i, cost)));

        Assert.Equal(Enumerable.Range(1, result.Iterations), seen.Select(s => s.Iteration));
        Assert.Equal(monitor.CostHistory, seen.Select(s => s.Cost));
    }

    [Theory]
    [InlineData(0, 0.01, 1e-5, 10, "MaxIterations")]
    [InlineData(10, double.NaN, 1e-5, 10, "LearningRate")]
    [InlineData(10, -1, 1e-5, 10, "LearningRate")]
    [InlineData(10, 0.01, -1, 10, "GradientTolerance")]
    [InlineData(10, 0.01, 1e-5, 0, "HistorySize")]
    public void Minimize_InvalidOptions_ThrowsNamingTheSetting(int iterations, double learningRate, double tolerance, int history, string name)
    {
        var options = new OptimizerOptions { MaxIterations = iterations, LearningRate = learningRate, GradientTolerance = tolerance, HistorySize = history };
        var monitor = new TrainingMonitor(1, null, null, TestContext.Current.CancellationToken);
        Assert.Throws<ArgumentOutOfRangeException>(name, () => Optimizer.Minimize(TestObjectives.Rosenbrock, new double[2], options, monitor));
    }

    private static TrainingMonitor Monitor(OptimizerOptions options) =>
        new(options.MaxIterations, null, null, TestContext.Current.CancellationToken);
}
