namespace HomemadeML.Engine.Optimization;

/// <summary>
/// A differentiable cost: returns J(θ) and writes ∇J(θ) into <paramref name="gradient"/> (same length as
/// <paramref name="parameters"/>). It must not keep a reference to either span.
/// </summary>
public delegate double Objective(ReadOnlySpan<double> parameters, Span<double> gradient);
