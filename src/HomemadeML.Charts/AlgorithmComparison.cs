namespace HomemadeML.Charts;

/// <summary>One algorithm's measured result for <see cref="ComparisonChart"/>.</summary>
/// <param name="Algorithm">Display name, e.g. "logistic regression".</param>
/// <param name="MetricName">What <paramref name="Metric"/> is, e.g. "test accuracy".</param>
/// <param name="Metric">The measured value.</param>
/// <param name="TrainingSeconds">Wall-clock training time in seconds.</param>
public sealed record AlgorithmComparison(string Algorithm, string MetricName, double Metric, double TrainingSeconds);
