using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Optimization;

/// <summary>Minimizes an <see cref="Objective"/> with the minimizer <see cref="OptimizerOptions.Kind"/> names.</summary>
public static class Optimizer
{
    /// <summary>
    /// Moves <paramref name="parameters"/> (the starting point) to a minimizer of J. Each accepted iteration is
    /// reported to <paramref name="monitor"/> (cost history, progress, cancellation, divergence, wall-time cap).
    /// On divergence the parameters are the last ones with a finite, non-exploding cost.
    /// </summary>
    public static OptimizationResult Minimize(Objective objective, Span<double> parameters, OptimizerOptions options, TrainingMonitor monitor, IterationCallback? onIteration = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Kind switch
        {
            OptimizerKind.GradientDescent => GradientDescent.Minimize(objective, parameters, options, monitor, onIteration),
            OptimizerKind.ConjugateGradient => ConjugateGradient.Minimize(objective, parameters, options, monitor, onIteration),
            OptimizerKind.Lbfgs => Lbfgs.Minimize(objective, parameters, options, monitor, onIteration),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, $"Kind must be one of {string.Join(", ", Enum.GetNames<OptimizerKind>())}; got {options.Kind}."),
        };
    }

    internal static void RequireArguments(Objective objective, OptimizerOptions options, TrainingMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(monitor);
        options.Validate();
    }

    internal static double MaxAbs(ReadOnlySpan<double> values)
    {
        double max = 0;
        foreach (double v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }
}
