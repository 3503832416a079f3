namespace HomemadeML.Engine.Training;

/// <summary>
/// One progress report from a training loop: how far it is (<see cref="Step"/> of <see cref="TotalSteps"/>),
/// the current cost, and what it is doing (e.g. "class 3 of 10", "restart 2 of 10").
/// </summary>
public readonly record struct TrainingProgress(int Step, int TotalSteps, double Cost, string Stage)
{
    /// <summary>Fraction done in [0, 1].</summary>
    public double Fraction => TotalSteps <= 0 ? 1 : Math.Clamp((double)Step / TotalSteps, 0, 1);
}
