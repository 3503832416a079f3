using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Algorithms;

using HomemadeML.Engine.Kernels;

/// <summary>
/// The one-vs-all logistic cost of all K classes at once. Parameters are Θ (K × n, row k = class k's θ),
/// flattened row by row. Class k's cost is
/// Jₖ(θ) = −(1/m)·Σᵢ [yᵢ·log h(xᵢ) + (1 − yᵢ)·log(1 − h(xᵢ))] + λ/(2m)·Σⱼ≥₁ θⱼ² with yᵢ = [labelᵢ = k];
/// the total is Σₖ Jₖ. The classes share no parameter, so minimizing the sum minimizes each Jₖ — this is
/// exactly one-vs-all, computed with one X·Θᵀ and one δᵀ·X product per evaluation instead of K of each.
/// All buffers are allocated once; an evaluation allocates nothing.
/// </summary>
internal sealed class LogisticRegressionObjective
{
    private readonly Matrix _design;
    private readonly int[] _labels;
    private readonly double _lambda;
    private readonly Matrix _theta;
    private readonly Matrix _scores;
    private readonly Matrix _gradient;
    private readonly int _productThreads;

    /// <summary>The matrix products use at most <paramref name="maxDegreeOfParallelism"/> cores (null: all).</summary>
    public LogisticRegressionObjective(Matrix design, int[] labels, int classCount, double lambda, int? maxDegreeOfParallelism = null)
    {
        _design = design;
        _labels = labels;
        _lambda = lambda;
        _theta = new Matrix(classCount, design.Columns);
        _scores = new Matrix(design.Rows, classCount);
        _gradient = new Matrix(classCount, design.Columns);
        ClassCosts = new double[classCount];
        _productThreads = maxDegreeOfParallelism ?? 0;
    }

    /// <summary>Jₖ of each class at the most recent evaluation.</summary>
    public double[] ClassCosts { get; }

    public int ParameterCount => _theta.Data.Length;

    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        parameters.CopyTo(_theta.Data);
        int m = _design.Rows, n = _design.Columns, classes = _theta.Rows;

        // lesson-snippet-start: logistic-regression
        // The optimizer (L-BFGS, conjugate gradient or gradient descent) calls this at every step:
        // it returns Σₖ Jₖ(Θ) and the gradient of all K one-vs-all classifiers at once.
        // z = X·Θᵀ: one score per example and class (each class has its own θ row).
        MatrixMultiply.MultiplyTransposedRight(_design, _theta, _scores, maxDegreeOfParallelism: _productThreads);
        Array.Clear(ClassCosts);
        for (int i = 0; i < m; i++)
        {
            var z = _scores.Row(i);
            for (int k = 0; k < classes; k++)
            {
                // −[y·log g(z) + (1 − y)·log(1 − g(z))] = log(1 + eᶻ) − y·z, written so log(0) never happens.
                double y = _labels[i] == k ? 1 : 0;
                ClassCosts[k] += Math.Max(z[k], 0) + Math.Log(1 + Math.Exp(-Math.Abs(z[k]))) - (y * z[k]);
            }
        }

        // δ = g(z) − y, then ∂Jₖ/∂θ = (1/m)·(δₖᵀX + λ·θₖ), with the bias θₖ₀ left out of the penalty.
        Kernels.Sigmoid(_scores.Data, _scores.Data);
        for (int i = 0; i < m; i++)
        {
            _scores.Data[(i * classes) + _labels[i]] -= 1;
        }

        MatrixMultiply.MultiplyTransposedLeft(_scores, _design, _gradient, maxDegreeOfParallelism: _productThreads);
        double total = 0;
        for (int k = 0; k < classes; k++)
        {
            var theta = _theta.Row(k);
            var slope = _gradient.Row(k);
            Kernels.Scale(1.0 / m, slope, slope);
            Kernels.MultiplyAdd(_lambda / m, theta[1..], slope[1..]);
            ClassCosts[k] = (ClassCosts[k] / m) + (_lambda / (2.0 * m) * Kernels.SumOfSquares(theta[1..]));
            total += ClassCosts[k];
        }
        // lesson-snippet-end: logistic-regression

        _gradient.Data.CopyTo(gradient);
        return total;
    }
}
