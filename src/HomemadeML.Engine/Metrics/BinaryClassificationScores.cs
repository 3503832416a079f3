namespace HomemadeML.Engine.Metrics;

/// <summary>
/// Precision = TP / (TP + FP), recall = TP / (TP + FN) and F1 = 2·P·R / (P + R) for one positive class,
/// with the counts they come from. A ratio with a zero denominator is 0 (scikit-learn's zero_division=0).
/// </summary>
public readonly record struct BinaryClassificationScores(double Precision, double Recall, double F1, int TruePositives, int FalsePositives, int FalseNegatives);
