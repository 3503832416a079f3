using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Optimization;

/// <summary>
/// How a minimization ended: accepted <see cref="Iterations"/>, objective <see cref="Evaluations"/>
/// (line searches evaluate more than once per iteration), the final <see cref="Cost"/> and why it stopped.
/// </summary>
public readonly record struct OptimizationResult(int Iterations, int Evaluations, double Cost, StopReason StopReason);
