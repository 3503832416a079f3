namespace HomemadeML.Engine.Optimization;

/// <summary>
/// Called after each accepted iteration with the new parameters and their cost. The objective's most
/// recent evaluation was at exactly these parameters, so a caller may read side results it cached there.
/// </summary>
public delegate void IterationCallback(int iteration, ReadOnlySpan<double> parameters, double cost);
