namespace HomemadeML.Engine.Optimization;

/// <summary>
/// The analytic gradient next to its central-difference estimate, and the worst component's relative
/// difference |a − n| / max(|a|, |n|, floor).
/// </summary>
public sealed record GradientCheckResult(IReadOnlyList<double> Analytic, IReadOnlyList<double> Numerical, double MaxRelativeDifference, int WorstIndex);
