using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Optimization;

/// <summary>
/// Finds a step α along a descent direction d that satisfies the strong Wolfe conditions
/// J(x + αd) ≤ J(x) + c₁·α·∇J(x)·d (enough decrease) and |∇J(x + αd)·d| ≤ c₂·|∇J(x)·d| (slope flattened):
/// bracket, then zoom with safeguarded cubic interpolation (Nocedal &amp; Wright, Algorithms 3.5 and 3.6).
/// A non-finite trial cost counts as "too far" and shrinks the step. The accepted point is always the
/// objective's last evaluation, and lies in <c>xTrial</c>/<c>gTrial</c>.
/// </summary>
internal sealed class WolfeLineSearch
{
    /// <summary>Sufficient-decrease constant; 1e-4 is the customary value (Nocedal &amp; Wright §3.1).</summary>
    public const double SufficientDecrease = 1e-4;

    private const int MaxBracketSteps = 30;
    private const int MaxZoomSteps = 30;
    private const double MaxStep = 1e20;

    private readonly Objective _objective;
    private readonly TrainingMonitor _monitor;
    private readonly double _curvature;

    public WolfeLineSearch(Objective objective, TrainingMonitor monitor, double curvature)
    {
        _objective = objective;
        _monitor = monitor;
        _curvature = curvature;
    }

    public int Evaluations { get; private set; }

    /// <summary>Searches from x along d (with J(x) = f0 and ∇J(x)·d = slope0 &lt; 0); returns false when no acceptable step exists.</summary>
    public bool Search(ReadOnlySpan<double> x, ReadOnlySpan<double> d, double f0, double slope0, double initialStep, Span<double> xTrial, Span<double> gTrial, out double step, out double cost)
    {
        double previousStep = 0, previousCost = f0, previousSlope = slope0;
        step = double.IsFinite(initialStep) && initialStep > 0 ? Math.Min(initialStep, MaxStep) : 1;
        for (int i = 0; i < MaxBracketSteps; i++)
        {
            cost = Evaluate(x, d, step, xTrial, gTrial, out double slope);
            if (!double.IsFinite(cost) || cost > f0 + (SufficientDecrease * step * slope0) || (i > 0 && cost >= previousCost))
            {
                return Zoom(x, d, f0, slope0, previousStep, previousCost, previousSlope, step, cost, slope, xTrial, gTrial, out step, out cost);
            }

            if (Math.Abs(slope) <= -_curvature * slope0)
            {
                return true;
            }

            if (slope >= 0)
            {
                return Zoom(x, d, f0, slope0, step, cost, slope, previousStep, previousCost, previousSlope, xTrial, gTrial, out step, out cost);
            }

            previousStep = step;
            previousCost = cost;
            previousSlope = slope;
            if (step >= MaxStep)
            {
                // Still going down at the largest step we allow: take it (it satisfies sufficient decrease).
                return true;
            }

            step = Math.Min(2 * step, MaxStep);
        }

        // The cost kept falling steeply through every expansion; the last point already has enough decrease.
        cost = previousCost;
        step = previousStep;
        return true;
    }

    // lo always satisfies sufficient decrease and has the lowest cost seen; hi brackets a Wolfe point with it.
    private bool Zoom(ReadOnlySpan<double> x, ReadOnlySpan<double> d, double f0, double slope0,
        double lo, double costLo, double slopeLo, double hi, double costHi, double slopeHi,
        Span<double> xTrial, Span<double> gTrial, out double step, out double cost)
    {
        for (int i = 0; i < MaxZoomSteps; i++)
        {
            double width = hi - lo;
            if (Math.Abs(width) <= 1e-16 * Math.Max(Math.Abs(lo), Math.Abs(hi)))
            {
                break;
            }

            step = Interpolate(lo, costLo, slopeLo, hi, costHi, slopeHi);
            cost = Evaluate(x, d, step, xTrial, gTrial, out double slope);
            if (!double.IsFinite(cost) || cost > f0 + (SufficientDecrease * step * slope0) || cost >= costLo)
            {
                hi = step;
                costHi = cost;
                slopeHi = slope;
                continue;
            }

            if (Math.Abs(slope) <= -_curvature * slope0)
            {
                return true;
            }

            if (slope * (hi - lo) >= 0)
            {
                hi = lo;
                costHi = costLo;
                slopeHi = slopeLo;
            }

            lo = step;
            costLo = cost;
            slopeLo = slope;
        }

        // No strong-Wolfe point found; fall back to the best point with sufficient decrease, if any.
        step = lo;
        if (lo > 0)
        {
            cost = Evaluate(x, d, lo, xTrial, gTrial, out _);
            return true;
        }

        cost = f0;
        return false;
    }

    // Minimizer of the cubic through (lo, costLo, slopeLo) and (hi, costHi, slopeHi), kept at least 10 %
    // of the interval away from either end; bisection when the cubic is not usable.
    private static double Interpolate(double lo, double costLo, double slopeLo, double hi, double costHi, double slopeHi)
    {
        double left = Math.Min(lo, hi), right = Math.Max(lo, hi);
        double margin = 0.1 * (right - left);
        double midpoint = 0.5 * (lo + hi);
        if (!double.IsFinite(costHi) || !double.IsFinite(slopeHi))
        {
            return midpoint;
        }

        double d1 = slopeLo + slopeHi - (3 * (costLo - costHi) / (lo - hi));
        double radicand = (d1 * d1) - (slopeLo * slopeHi);
        if (radicand < 0)
        {
            return midpoint;
        }

        double d2 = Math.Sign(hi - lo) * Math.Sqrt(radicand);
        double candidate = hi - ((hi - lo) * (slopeHi + d2 - d1) / (slopeHi - slopeLo + (2 * d2)));
        if (!double.IsFinite(candidate) || candidate < left + margin || candidate > right - margin)
        {
            return midpoint;
        }

        return candidate;
    }

    private double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> d, double step, Span<double> xTrial, Span<double> gTrial, out double slope)
    {
        // Cancellation is checked before every evaluation: on big data one evaluation is the unit of work.
        _ = _monitor.TimeIsUp();
        for (int j = 0; j < x.Length; j++)
        {
            xTrial[j] = x[j] + (step * d[j]);
        }

        double cost = _objective(xTrial, gTrial);
        Evaluations++;
        slope = Kernels.Kernels.Dot(gTrial, d);
        return cost;
    }
}
