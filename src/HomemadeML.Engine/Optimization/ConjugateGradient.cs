using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Optimization;

/// <summary>
/// Nonlinear conjugate gradient, Polak–Ribière+ variant: d ← −g + β·d with
/// β = max(0, gₖ₊₁·(gₖ₊₁ − gₖ) / gₖ·gₖ), and a strong-Wolfe line search along d. β is clipped at 0
/// (a restart along −g) whenever the directions stop being conjugate, which keeps it globally convergent.
/// </summary>
public static class ConjugateGradient
{
    /// <summary>Curvature constant c₂ of the line search; 0.1 makes each search nearly exact, as CG needs (Nocedal &amp; Wright §5.2).</summary>
    public const double Curvature = 0.1;

    /// <inheritdoc cref="Optimizer.Minimize"/>
    public static OptimizationResult Minimize(Objective objective, Span<double> parameters, OptimizerOptions options, TrainingMonitor monitor, IterationCallback? onIteration = null)
    {
        Optimizer.RequireArguments(objective, options, monitor);
        int n = parameters.Length;
        var gradient = new double[n];
        var trial = new double[n];
        var trialGradient = new double[n];
        var direction = new double[n];
        var search = new WolfeLineSearch(objective, monitor, Curvature);

        double cost = objective(parameters, gradient);
        if (!double.IsFinite(cost))
        {
            return new OptimizationResult(0, 1, cost, StopReason.Diverged);
        }

        Kernels.Kernels.Scale(-1, gradient, direction);
        double gradientSquared = Kernels.Kernels.Dot(gradient, gradient);
        double previousCost = double.NaN;
        for (int iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            if (options.GradientTolerance > 0 && Optimizer.MaxAbs(gradient) <= options.GradientTolerance)
            {
                return new OptimizationResult(iteration - 1, search.Evaluations + 1, cost, StopReason.Converged);
            }

            double slope = Kernels.Kernels.Dot(gradient, direction);
            if (slope >= 0)
            {
                Kernels.Kernels.Scale(-1, gradient, direction);
                slope = -gradientSquared;
            }

            // First step: unit length along d. Later: the step that would repeat the last decrease
            // on a quadratic model (Nocedal & Wright eq. 3.60), capped at 1.
            double initialStep = double.IsNaN(previousCost)
                ? 1 / Math.Sqrt(Kernels.Kernels.Dot(direction, direction))
                : Math.Min(1, 1.01 * 2 * (cost - previousCost) / slope);
            if (!search.Search(parameters, direction, cost, slope, initialStep, trial, trialGradient, out _, out double next))
            {
                // No step lowers the cost any more: we are at the minimum to working precision.
                return new OptimizationResult(iteration - 1, search.Evaluations + 1, cost, StopReason.Converged);
            }

            double newSquared = Kernels.Kernels.Dot(trialGradient, trialGradient);
            double beta = Math.Max(0, (newSquared - Kernels.Kernels.Dot(trialGradient, gradient)) / gradientSquared);
            trial.CopyTo(parameters);
            (gradient, trialGradient) = (trialGradient, gradient);
            gradientSquared = newSquared;
            previousCost = cost;
            cost = next;
            for (int j = 0; j < n; j++)
            {
                direction[j] = (beta * direction[j]) - gradient[j];
            }

            if (monitor.ShouldStop(iteration, cost, out var reason))
            {
                onIteration?.Invoke(iteration, parameters, cost);
                return new OptimizationResult(iteration, search.Evaluations + 1, cost, reason);
            }

            onIteration?.Invoke(iteration, parameters, cost);
        }

        return new OptimizationResult(options.MaxIterations, search.Evaluations + 1, cost, StopReason.CompletedIterations);
    }
}
