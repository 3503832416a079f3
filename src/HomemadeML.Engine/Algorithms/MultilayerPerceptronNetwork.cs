using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Optimization;

namespace HomemadeML.Engine.Algorithms;

/// <summary>
/// The buffers and math of one forward and backward pass over a batch of a fixed number of rows. Everything is a
/// matrix product over the whole batch — no loop over examples — and nothing allocates after construction.
/// </summary>
internal sealed class MultilayerPerceptronNetwork
{
    // log(0) guard for the cross-entropy: the smallest positive double keeps log finite (≈ −744).
    private const double LogFloor = double.Epsilon;

    private readonly int[] _sizes;
    private readonly Matrix[] _activations; // [0] is the caller's input; hidden layers carry a leading bias column of ones
    private readonly Matrix[] _products;    // z⁽ˡ⁾ = a⁽ˡ⁻¹⁾·Θ⁽ˡ⁻¹⁾ᵀ
    private readonly Matrix[] _deltas;      // δ⁽ˡ⁾, rows × units of layer l
    private readonly Matrix[] _backProducts; // δ⁽ˡ⁺¹⁾·Θ⁽ˡ⁾, rows × (units of layer l + 1)

    public MultilayerPerceptronNetwork(int[] sizes, int rows)
    {
        _sizes = sizes;
        Rows = rows;
        int layers = sizes.Length;
        _activations = new Matrix[layers];
        _products = new Matrix[layers];
        _deltas = new Matrix[layers];
        _backProducts = new Matrix[layers];
        for (int l = 1; l < layers; l++)
        {
            bool output = l == layers - 1;
            _products[l] = new Matrix(rows, sizes[l]);
            _activations[l] = new Matrix(rows, output ? sizes[l] : sizes[l] + 1);
            _deltas[l] = new Matrix(rows, sizes[l]);
            if (!output)
            {
                _backProducts[l] = new Matrix(rows, sizes[l] + 1);
            }
        }
    }

    public int Rows { get; }

    /// <summary>The output layer's activations after <see cref="Forward"/>.</summary>
    public Matrix Output => _activations[^1];

    /// <summary>The weight shapes of a network with these layer sizes.</summary>
    public static Matrix[] CreateWeights(int[] sizes) =>
        [.. Enumerable.Range(0, sizes.Length - 1).Select(l => new Matrix(sizes[l + 1], sizes[l] + 1))];

    /// <summary>a⁽ˡ⁺¹⁾ = g(a⁽ˡ⁾·Θ⁽ˡ⁾ᵀ) layer by layer; <paramref name="input"/> already holds the bias column.</summary>
    public void Forward(Matrix input, Matrix[] weights)
    {
        _activations[0] = input;
        for (int l = 1; l < _sizes.Length; l++)
        {
            MatrixMultiply.MultiplyTransposedRight(_activations[l - 1], weights[l - 1], _products[l]);
            bool output = l == _sizes.Length - 1;
            var a = _activations[l];
            for (int i = 0; i < Rows; i++)
            {
                var z = _products[l].Row(i);
                var row = a.Row(i);
                if (output)
                {
                    Kernels.Kernels.Sigmoid(z, row);
                }
                else
                {
                    row[0] = 1;
                    Kernels.Kernels.Sigmoid(z, row[1..]);
                }
            }
        }
    }

    /// <summary>
    /// Computes J(Θ) = −(1/m)·Σᵢ Σₖ [yₖ·log hₖ + (1 − yₖ)·log(1 − hₖ)] + λ/(2m)·Σ non-bias Θ², and writes ∂J/∂Θ
    /// into <paramref name="gradients"/> by back-propagation.
    /// </summary>
    public double CostAndGradient(Matrix input, Matrix targets, Matrix[] weights, Matrix[] gradients, double lambda)
    {
        Forward(input, weights);
        int m = Rows, last = _sizes.Length - 1;
        var output = _activations[last];
        double logLikelihood = 0;
        for (int i = 0; i < output.Data.Length; i++)
        {
            double h = output.Data[i];
            logLikelihood += targets.Data[i] == 1 ? Math.Log(Math.Max(h, LogFloor)) : Math.Log(Math.Max(1 - h, LogFloor));
        }

        double penalty = 0;
        foreach (var theta in weights)
        {
            for (int r = 0; r < theta.Rows; r++)
            {
                penalty += Kernels.Kernels.SumOfSquares(theta.Row(r)[1..]);
            }
        }

        // lesson-snippet-start: multilayer-perceptron
        // Output layer: δ⁽ᴸ⁾ = a⁽ᴸ⁾ − y, for the whole batch at once.
        Kernels.Kernels.Subtract(output.Data, targets.Data, _deltas[last].Data);
        for (int l = last - 1; l >= 0; l--)
        {
            // ∂J/∂Θ⁽ˡ⁾ = (1/m)·δ⁽ˡ⁺¹⁾ᵀ·a⁽ˡ⁾ + (λ/m)·Θ⁽ˡ⁾ (bias column not regularized).
            MatrixMultiply.MultiplyTransposedLeft(_deltas[l + 1], _activations[l], gradients[l]);
            Kernels.Kernels.Scale(1.0 / m, gradients[l].Data, gradients[l].Data);
            for (int r = 0; r < weights[l].Rows; r++)
            {
                Kernels.Kernels.MultiplyAdd(lambda / m, weights[l].Row(r)[1..], gradients[l].Row(r)[1..]);
            }

            if (l == 0)
            {
                break;
            }

            // Hidden layer: δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾·Θ⁽ˡ⁾)[without bias] ⊙ a⁽ˡ⁾ ⊙ (1 − a⁽ˡ⁾), since g′(z) = g(z)·(1 − g(z)).
            MatrixMultiply.Multiply(_deltas[l + 1], weights[l], _backProducts[l]);
            for (int i = 0; i < m; i++)
            {
                var back = _backProducts[l].Row(i)[1..];
                var a = _activations[l].Row(i)[1..];
                var delta = _deltas[l].Row(i);
                for (int j = 0; j < delta.Length; j++)
                {
                    delta[j] = back[j] * a[j] * (1 - a[j]);
                }
            }
        }
        // lesson-snippet-end: multilayer-perceptron

        return (-logLikelihood / m) + (lambda / (2.0 * m) * penalty);
    }

    /// <summary>The cost and gradient over all weights unrolled into one vector, for <see cref="GradientCheck"/>.</summary>
    public static Objective CreateObjective(int[] sizes, Matrix input, Matrix targets, double lambda)
    {
        var network = new MultilayerPerceptronNetwork(sizes, input.Rows);
        var weights = CreateWeights(sizes);
        var gradients = CreateWeights(sizes);
        return (parameters, gradient) =>
        {
            int offset = 0;
            foreach (var w in weights)
            {
                parameters.Slice(offset, w.Data.Length).CopyTo(w.Data);
                offset += w.Data.Length;
            }

            double cost = network.CostAndGradient(input, targets, weights, gradients, lambda);
            offset = 0;
            foreach (var g in gradients)
            {
                g.Data.CopyTo(gradient.Slice(offset, g.Data.Length));
                offset += g.Data.Length;
            }

            return cost;
        };
    }
}
