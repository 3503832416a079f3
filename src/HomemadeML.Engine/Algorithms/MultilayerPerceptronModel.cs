using HomemadeML.Engine.Features;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Training;

namespace HomemadeML.Engine.Algorithms;

/// <summary>A trained network: its weights, the input normalization it was trained with, and how training went.</summary>
public sealed class MultilayerPerceptronModel
{
    private readonly Matrix[] _weights;

    internal MultilayerPerceptronModel(int[] layerSizes, Matrix[] weights, FeaturePipeline features, IReadOnlyList<double> costHistory, StopReason stopReason, int iterationsRun)
    {
        LayerSizes = layerSizes;
        _weights = weights;
        Features = features;
        CostHistory = costHistory;
        StopReason = stopReason;
        IterationsRun = iterationsRun;
    }

    /// <summary>Units per layer, input first, output (one per class) last, e.g. [784, 25, 10].</summary>
    public IReadOnlyList<int> LayerSizes { get; }

    /// <summary>Θ⁽ˡ⁾ for each layer: (units of layer l+1) × (units of layer l + 1); column 0 holds the biases.</summary>
    public IReadOnlyList<Matrix> Weights => [.. _weights.Select(w => w.Clone())];

    public FeaturePipeline Features { get; }

    public IReadOnlyList<double> CostHistory { get; }

    public StopReason StopReason { get; }

    public int IterationsRun { get; }

    /// <summary>The output layer's activations h_Θ(x)ₖ for every row (one column per class).</summary>
    public Matrix PredictProbabilities(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != LayerSizes[0])
        {
            throw new ArgumentException($"x has {x.Columns} columns; the network has {LayerSizes[0]} inputs.", nameof(x));
        }

        var network = new MultilayerPerceptronNetwork([.. LayerSizes], x.Rows);
        network.Forward(Features.Transform(x), _weights);
        return network.Output.Clone();
    }

    /// <summary>The class with the highest output for every row.</summary>
    public int[] Predict(Matrix x)
    {
        var probabilities = PredictProbabilities(x);
        var predictions = new int[x.Rows];
        for (int i = 0; i < x.Rows; i++)
        {
            var row = probabilities.Row(i);
            int best = 0;
            for (int k = 1; k < row.Length; k++)
            {
                if (row[k] > row[best])
                {
                    best = k;
                }
            }

            predictions[i] = best;
        }

        return predictions;
    }
}
