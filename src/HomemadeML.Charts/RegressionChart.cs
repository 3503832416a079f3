using HomemadeML.Engine.LinearAlgebra;
using ScottPlot;

namespace HomemadeML.Charts;

/// <summary>Regression pictures: the fitted curve over the data (one feature) or predicted vs actual (several).</summary>
public static class RegressionChart
{
    /// <summary>How many x positions the fitted curve is evaluated at: smooth for degree-10 polynomials and sinusoids.</summary>
    public const int CurvePoints = 400;

    /// <summary>Scatter of (x, y) and the model's prediction on a dense x grid spanning the data.</summary>
    /// <param name="x">The single feature, one value per example.</param>
    /// <param name="y">The target, same length.</param>
    /// <param name="predict">The trained model's prediction for a one-column matrix of raw x values.</param>
    /// <param name="featureName">X axis label.</param>
    /// <param name="targetName">Y axis label.</param>
    /// <param name="title">Chart title.</param>
    public static RenderedChart FittedCurve(IReadOnlyList<double> x, IReadOnlyList<double> y, Func<Matrix, double[]> predict,
        string featureName = "x", string targetName = "y", string title = "Data and fitted curve")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(predict);
        ChartArguments.RequireSameLength(x.Count, nameof(x), y.Count, nameof(y));

        var min = x.Min();
        var max = x.Max();
        var grid = new Matrix(CurvePoints, 1);
        for (var i = 0; i < CurvePoints; i++)
        {
            grid[i, 0] = min + ((max - min) * i / (CurvePoints - 1));
        }

        var fitted = predict(grid);
        var plot = ChartCanvas.Create(title, featureName, targetName);
        var points = plot.Add.ScatterPoints(x.ToArray(), y.ToArray(), ChartCanvas.ClassColor(0).WithAlpha(0.6));
        points.MarkerSize = 6;
        points.LegendText = $"data ({x.Count} examples)";
        var gx = grid.Column(0);
        var finite = Enumerable.Range(0, CurvePoints).Where(i => double.IsFinite(fitted[i])).ToArray();
        var curve = plot.Add.ScatterLine(finite.Select(i => gx[i]).ToArray(), finite.Select(i => fitted[i]).ToArray(), ChartCanvas.ClassColor(3));
        curve.LineWidth = 3;
        curve.LegendText = "model prediction";
        plot.ShowLegend(Alignment.UpperLeft);

        // Keep the view on the data: a wild polynomial tail must not squash the points into a line.
        var yMin = y.Min();
        var yMax = y.Max();
        var pad = Math.Max((yMax - yMin) * 0.15, 1e-9);
        plot.Axes.SetLimitsY(yMin - pad, yMax + pad);

        var description = $"{title}: {x.Count} examples of {targetName} against {featureName} (x from {ChartCanvas.Format(min)} to {ChartCanvas.Format(max)}), "
            + $"with the model's prediction drawn as a line; it predicts {ChartCanvas.Format(fitted[0])} at x = {ChartCanvas.Format(min)} "
            + $"and {ChartCanvas.Format(fitted[^1])} at x = {ChartCanvas.Format(max)}.";
        return ChartCanvas.Render(plot, "fit", title, description);
    }

    /// <summary>Predicted against actual values with the y = x line a perfect model would lie on.</summary>
    /// <param name="actual">True targets.</param>
    /// <param name="predicted">Model predictions, same length.</param>
    /// <param name="targetName">What is predicted (axis labels).</param>
    /// <param name="title">Chart title.</param>
    public static RenderedChart PredictedVsActual(IReadOnlyList<double> actual, IReadOnlyList<double> predicted,
        string targetName = "y", string title = "Predicted vs actual")
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        ChartArguments.RequireSameLength(actual.Count, nameof(actual), predicted.Count, nameof(predicted));
        if (actual.Count == 0)
        {
            throw new ArgumentException("At least one example is needed; got none.", nameof(actual));
        }

        var plot = ChartCanvas.Create(title, $"actual {targetName}", $"predicted {targetName}");
        var points = plot.Add.ScatterPoints(actual.ToArray(), predicted.ToArray(), ChartCanvas.ClassColor(0).WithAlpha(0.6));
        points.MarkerSize = 6;
        points.LegendText = $"examples ({actual.Count})";
        var lo = Math.Min(actual.Min(), predicted.Min());
        var hi = Math.Max(actual.Max(), predicted.Max());
        var diagonal = plot.Add.Line(lo, lo, hi, hi);
        diagonal.Color = Colors.Black;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LineWidth = 2;
        diagonal.LegendText = "perfect prediction (y = x)";
        plot.ShowLegend(Alignment.UpperLeft);

        var mse = actual.Zip(predicted, (a, p) => (a - p) * (a - p)).Average();
        var mean = actual.Average();
        var total = actual.Sum(a => (a - mean) * (a - mean));
        var r2 = total > 0 ? 1 - (mse * actual.Count / total) : double.NaN;
        var description = $"{title}: {actual.Count} examples, predicted {targetName} against actual {targetName} with the y = x line; "
            + $"RMSE {ChartCanvas.Format(Math.Sqrt(mse))}, R² {ChartCanvas.Format(r2)}.";
        return ChartCanvas.Render(plot, "predicted-vs-actual", title, description);
    }
}
