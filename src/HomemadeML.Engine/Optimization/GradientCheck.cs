namespace HomemadeML.Engine.Optimization;

/// <summary>
/// Verifies an objective's analytic gradient against central differences
/// ∂J/∂θⱼ ≈ (J(θ + h·eⱼ) − J(θ − h·eⱼ)) / 2h — the standard test that back-propagation and hand-derived
/// gradients are right. It evaluates J twice per parameter, so use it on small problems.
/// </summary>
public static class GradientCheck
{
    /// <summary>
    /// Default difference step h: the truncation error (~h²) and the rounding error (~ε/h) balance near
    /// 1e-5 for costs of order 1, leaving about 1e-10 absolute error per component.
    /// </summary>
    public const double DefaultStep = 1e-5;

    /// <summary>
    /// Default denominator floor: components smaller than this are compared absolutely, since their
    /// ~1e-10 difference error would otherwise look like a large relative error.
    /// </summary>
    public const double DefaultFloor = 1e-8;

    /// <summary>Computes both gradients at <paramref name="parameters"/> and their worst relative difference.</summary>
    public static GradientCheckResult Run(Objective objective, ReadOnlySpan<double> parameters, double step = DefaultStep, double floor = DefaultFloor)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (!double.IsFinite(step) || step <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step must be a finite number > 0; got {step}.");
        }

        if (!double.IsFinite(floor) || floor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(floor), floor, $"floor must be a finite number > 0; got {floor}.");
        }

        int n = parameters.Length;
        var analytic = new double[n];
        var numerical = new double[n];
        var scratchGradient = new double[n];
        var point = parameters.ToArray();
        _ = objective(point, analytic);
        double worst = 0;
        int worstIndex = -1;
        for (int j = 0; j < n; j++)
        {
            double original = point[j];
            point[j] = original + step;
            double plus = objective(point, scratchGradient);
            point[j] = original - step;
            double minus = objective(point, scratchGradient);
            point[j] = original;
            numerical[j] = (plus - minus) / (2 * step);
            double difference = RelativeDifference(analytic[j], numerical[j], floor);
            if (worstIndex < 0 || difference > worst || double.IsNaN(difference))
            {
                worst = difference;
                worstIndex = j;
            }
        }

        return new GradientCheckResult(analytic, numerical, worst, worstIndex);
    }

    /// <summary>Computes |a − n| / max(|a|, |n|, floor).</summary>
    public static double RelativeDifference(double analytic, double numerical, double floor = DefaultFloor) =>
        Math.Abs(analytic - numerical) / Math.Max(Math.Max(Math.Abs(analytic), Math.Abs(numerical)), floor);
}
