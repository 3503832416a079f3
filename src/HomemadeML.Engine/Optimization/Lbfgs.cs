using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Optimization;

/// <summary>
/// Limited-memory BFGS: the step direction is −H·g, where H approximates the inverse Hessian from the last
/// m pairs sᵢ = θᵢ₊₁ − θᵢ, yᵢ = gᵢ₊₁ − gᵢ (two-loop recursion, initial scaling γ = s·y / y·y),
/// followed by a strong-Wolfe line search that starts at the natural step 1.
/// </summary>
public static class Lbfgs
{
    /// <summary>Curvature constant c₂ of the line search; 0.9 is the quasi-Newton customary value (Nocedal &amp; Wright §3.1).</summary>
    public const double Curvature = 0.9;

    /// <inheritdoc cref="Optimizer.Minimize"/>
    public static OptimizationResult Minimize(Objective objective, Span<double> parameters, OptimizerOptions options, TrainingMonitor monitor, IterationCallback? onIteration = null)
    {
        Optimizer.RequireArguments(objective, options, monitor);
        int n = parameters.Length;
        int memory = options.HistorySize;
        var gradient = new double[n];
        var trial = new double[n];
        var trialGradient = new double[n];
        var direction = new double[n];
        var steps = new double[memory * n];
        var changes = new double[memory * n];
        var rho = new double[memory];
        var alpha = new double[memory];
        int stored = 0, newest = -1;
        var search = new WolfeLineSearch(objective, monitor, Curvature);

        double cost = objective(parameters, gradient);
        if (!double.IsFinite(cost))
        {
            return new OptimizationResult(0, 1, cost, StopReason.Diverged);
        }

        for (int iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            if (options.GradientTolerance > 0 && Optimizer.MaxAbs(gradient) <= options.GradientTolerance)
            {
                return new OptimizationResult(iteration - 1, search.Evaluations + 1, cost, StopReason.Converged);
            }

            TwoLoopDirection(gradient, steps, changes, rho, alpha, stored, newest, n, direction);
            double slope = Kernels.Kernels.Dot(gradient, direction);
            if (!(slope < 0))
            {
                // The curvature model went bad (rounding): forget it and go straight downhill.
                stored = 0;
                Kernels.Kernels.Scale(-1, gradient, direction);
                slope = -Kernels.Kernels.Dot(gradient, gradient);
            }

            double initialStep = stored == 0 ? 1 / Math.Sqrt(-slope) : 1;
            if (!search.Search(parameters, direction, cost, slope, initialStep, trial, trialGradient, out _, out double next))
            {
                if (stored == 0)
                {
                    return new OptimizationResult(iteration - 1, search.Evaluations + 1, cost, StopReason.Converged);
                }

                // Retry once from a steepest-descent step with the memory cleared.
                stored = 0;
                iteration--;
                continue;
            }

            // Remember (s, y) when it carries positive curvature; otherwise the update would break H's definiteness.
            int slot = (newest + 1) % memory;
            var s = steps.AsSpan(slot * n, n);
            var y = changes.AsSpan(slot * n, n);
            Kernels.Kernels.Subtract(trial, parameters, s);
            Kernels.Kernels.Subtract(trialGradient, gradient, y);
            double sy = Kernels.Kernels.Dot(s, y);
            if (sy > 1e-10 * Kernels.Kernels.Dot(y, y))
            {
                rho[slot] = 1 / sy;
                newest = slot;
                stored = Math.Min(stored + 1, memory);
            }
            else
            {
                // The slot just overwritten held the oldest pair when the memory was full: it is gone.
                stored = Math.Min(stored, memory - 1);
            }

            trial.CopyTo(parameters);
            (gradient, trialGradient) = (trialGradient, gradient);
            cost = next;
            if (monitor.ShouldStop(iteration, cost, out var reason))
            {
                onIteration?.Invoke(iteration, parameters, cost);
                return new OptimizationResult(iteration, search.Evaluations + 1, cost, reason);
            }

            onIteration?.Invoke(iteration, parameters, cost);
        }

        return new OptimizationResult(options.MaxIterations, search.Evaluations + 1, cost, StopReason.CompletedIterations);
    }

    // direction = −H·g by the two-loop recursion over the stored pairs, newest first then oldest first.
    private static void TwoLoopDirection(ReadOnlySpan<double> gradient, double[] steps, double[] changes, double[] rho, double[] alpha, int stored, int newest, int n, Span<double> direction)
    {
        int memory = rho.Length;
        gradient.CopyTo(direction);
        for (int k = 0; k < stored; k++)
        {
            int slot = ((newest - k) % memory + memory) % memory;
            alpha[slot] = rho[slot] * Kernels.Kernels.Dot(steps.AsSpan(slot * n, n), direction);
            Kernels.Kernels.MultiplyAdd(-alpha[slot], changes.AsSpan(slot * n, n), direction);
        }

        if (stored > 0)
        {
            var y = changes.AsSpan(newest * n, n);
            double gamma = 1 / (rho[newest] * Kernels.Kernels.Dot(y, y));
            Kernels.Kernels.Scale(gamma, direction, direction);
        }

        for (int k = stored - 1; k >= 0; k--)
        {
            int slot = ((newest - k) % memory + memory) % memory;
            double beta = rho[slot] * Kernels.Kernels.Dot(changes.AsSpan(slot * n, n), direction);
            Kernels.Kernels.MultiplyAdd(alpha[slot] - beta, steps.AsSpan(slot * n, n), direction);
        }

        Kernels.Kernels.Scale(-1, direction, direction);
    }
}
