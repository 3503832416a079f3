namespace HomemadeML.Charts;

/// <summary>One run's cost history for <see cref="CostChart"/>.</summary>
/// <param name="Label">Legend text, e.g. "α = 0.1" for one value of a sweep.</param>
/// <param name="Costs">Cost after each iteration; NaN or ∞ entries mark where a diverging run blew up.</param>
/// <param name="Diverged">True when training stopped because the cost diverged.</param>
public sealed record CostSeries(string Label, IReadOnlyList<double> Costs, bool Diverged = false);
