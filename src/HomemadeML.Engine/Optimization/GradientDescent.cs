using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Optimization;

/// <summary>Batch gradient descent with a fixed learning rate: θ ← θ − α·∇J(θ), one evaluation per iteration.</summary>
public static class GradientDescent
{
    /// <summary>
    /// A cost this many times the starting cost counts as divergence. Bounded-slope costs such as the logistic
    /// one only grow linearly when the step overshoots, so the monitor's exponential-growth test would not fire;
    /// no sane descent run ever climbs a million-fold above where it started.
    /// </summary>
    public const double ExplosionFactor = 1e6;

    /// <inheritdoc cref="Optimizer.Minimize"/>
    public static OptimizationResult Minimize(Objective objective, Span<double> parameters, OptimizerOptions options, TrainingMonitor monitor, IterationCallback? onIteration = null)
    {
        Optimizer.RequireArguments(objective, options, monitor);
        var gradient = new double[parameters.Length];
        var previous = new double[parameters.Length];
        double cost = objective(parameters, gradient);
        if (!double.IsFinite(cost))
        {
            return new OptimizationResult(0, 1, cost, StopReason.Diverged);
        }

        int evaluations = 1;
        double ceiling = ExplosionFactor * Math.Max(Math.Abs(cost), 1e-12);
        for (int iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            parameters.CopyTo(previous);
            Kernels.Kernels.MultiplyAdd(-options.LearningRate, gradient, parameters);
            double next = objective(parameters, gradient);
            evaluations++;
            bool exploded = !double.IsFinite(next) || next > ceiling;
            var reason = StopReason.Diverged;
            if (exploded || monitor.ShouldStop(iteration, next, out reason))
            {
                if (reason == StopReason.Diverged)
                {
                    // Keep the last parameters whose cost was still sane.
                    previous.CopyTo(parameters);
                    return new OptimizationResult(iteration - 1, evaluations, cost, reason);
                }

                onIteration?.Invoke(iteration, parameters, next);
                return new OptimizationResult(iteration, evaluations, next, reason);
            }

            cost = next;
            onIteration?.Invoke(iteration, parameters, cost);
            if (options.GradientTolerance > 0 && Optimizer.MaxAbs(gradient) <= options.GradientTolerance)
            {
                return new OptimizationResult(iteration, evaluations, cost, StopReason.Converged);
            }
        }

        return new OptimizationResult(options.MaxIterations, evaluations, cost, StopReason.CompletedIterations);
    }
}
