using HomemadeML.Engine.Metrics;

namespace HomemadeML.Engine.Algorithms;

/// <summary>One candidate threshold and how it scored on the labelled rows.</summary>
public readonly record struct ThresholdCandidate(double LogEpsilon, double Precision, double Recall, double F1);

/// <summary>The threshold ε with the best F1 on labelled data, and the scores of every candidate tried.</summary>
public sealed record ThresholdSelection(double LogEpsilon, double Precision, double Recall, double F1, IReadOnlyList<ThresholdCandidate> History)
{
    /// <summary>ε itself; 0 when log ε is below what a double can hold (hundreds of features).</summary>
    public double Epsilon => Math.Exp(LogEpsilon);

    /// <summary>
    /// Tries <paramref name="steps"/> evenly spaced values of log ε between the smallest and largest log p(x), flags
    /// rows with log p(x) &lt; log ε, and keeps the one with the highest F1 (the first on ties) — homemade's scan,
    /// done on log p so that it still works where p(x) underflows.
    /// </summary>
    public static ThresholdSelection Select(IReadOnlyList<double> logDensity, IReadOnlyList<int> isAnomaly, int steps = 1000)
    {
        ArgumentNullException.ThrowIfNull(logDensity);
        ArgumentNullException.ThrowIfNull(isAnomaly);
        if (logDensity.Count != isAnomaly.Count)
        {
            throw new ArgumentException($"isAnomaly has {isAnomaly.Count} labels; logDensity has {logDensity.Count} values.", nameof(isAnomaly));
        }

        if (steps < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be at least 2.");
        }

        if (!isAnomaly.Contains(1) || isAnomaly.Any(l => l is not (0 or 1)))
        {
            throw new ArgumentException("isAnomaly must hold 0 (normal) and 1 (anomaly) only, with at least one anomaly.", nameof(isAnomaly));
        }

        double low = logDensity.Min(), high = logDensity.Max();
        var actual = isAnomaly.ToArray();
        var predicted = new int[actual.Length];
        var history = new List<ThresholdCandidate>(steps);
        var best = new ThresholdCandidate(low, 0, 0, -1);
        for (int s = 0; s < steps; s++)
        {
            double logEpsilon = low + ((high - low) * s / (steps - 1));
            for (int i = 0; i < predicted.Length; i++)
            {
                predicted[i] = logDensity[i] < logEpsilon ? 1 : 0;
            }

            var scores = ClassificationMetrics.PrecisionRecallF1(actual, predicted);
            var candidate = new ThresholdCandidate(logEpsilon, scores.Precision, scores.Recall, scores.F1);
            history.Add(candidate);
            if (candidate.F1 > best.F1)
            {
                best = candidate;
            }
        }

        return new ThresholdSelection(best.LogEpsilon, best.Precision, best.Recall, Math.Max(best.F1, 0), history);
    }
}
