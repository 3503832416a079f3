namespace HomemadeML.Engine.Algorithms;

/// <summary>Settings of <see cref="MultilayerPerceptron"/>. Defaults follow homemade's MNIST demo ([784, 25, 10]).</summary>
public sealed record MultilayerPerceptronOptions
{
    /// <summary>Largest hidden layer allowed: 4096 units × 784 inputs is already 3.2 M weights per layer.</summary>
    public const int MaxHiddenUnits = 4096;

    /// <summary>Most hidden layers allowed: sigmoid networks deeper than this stop learning (vanishing gradients).</summary>
    public const int MaxHiddenLayers = 8;

    /// <summary>Upper bound of <see cref="Iterations"/>.</summary>
    public const int MaxIterations = 1_000_000;

    /// <summary>Hidden layer sizes; the input and output sizes come from the data. Homemade MNIST demo: [25].</summary>
    public IReadOnlyList<int> HiddenLayers { get; init; } = [25];

    /// <summary>Gradient-descent step α. Homemade MNIST demo: <c>alpha = 0.1</c>.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Full-batch: gradient steps; mini-batch: passes over the data (epochs). Homemade MNIST demo: 300.</summary>
    public int Iterations { get; init; } = 300;

    /// <summary>L2 penalty λ on every weight except the biases. Homemade MNIST demo: <c>regularization_param = 3</c>.</summary>
    public double Regularization { get; init; } = 3;

    /// <summary>Normalize inputs with the training mean and deviation. Homemade MNIST demo: <c>normalize_data = True</c>.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>Initial weights are uniform in [−ε, ε] so hidden units start different. Homemade MNIST demo: <c>epsilon = 0.12</c>.</summary>
    public double InitEpsilon { get; init; } = 0.12;

    /// <summary>0: full-batch gradient descent, as homemade does; n &gt; 0: shuffled mini-batches of n rows each epoch.</summary>
    public int BatchSize { get; init; }

    /// <summary>Classical momentum β in [0, 1): v ← β·v − α·∇J; θ ← θ + v. Homemade uses none (0).</summary>
    public double Momentum { get; init; }

    public int Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(HiddenLayers, nameof(HiddenLayers));
        if (HiddenLayers.Count > MaxHiddenLayers)
        {
            throw new ArgumentOutOfRangeException(nameof(HiddenLayers), HiddenLayers.Count, $"HiddenLayers may list at most {MaxHiddenLayers} layers; got {HiddenLayers.Count}.");
        }

        for (int l = 0; l < HiddenLayers.Count; l++)
        {
            if (HiddenLayers[l] is < 1 or > MaxHiddenUnits)
            {
                throw new ArgumentOutOfRangeException(nameof(HiddenLayers), HiddenLayers[l], $"HiddenLayers[{l}] must be in 1…{MaxHiddenUnits}; got {HiddenLayers[l]}.");
            }
        }

        Require(double.IsFinite(LearningRate) && LearningRate > 0, nameof(LearningRate), LearningRate, "a finite number > 0");
        Require(Iterations is >= 1 and <= MaxIterations, nameof(Iterations), Iterations, $"in 1…{MaxIterations}");
        Require(double.IsFinite(Regularization) && Regularization >= 0, nameof(Regularization), Regularization, "a finite number ≥ 0");
        Require(double.IsFinite(InitEpsilon) && InitEpsilon > 0, nameof(InitEpsilon), InitEpsilon, "a finite number > 0");
        Require(BatchSize >= 0, nameof(BatchSize), BatchSize, "0 (full batch) or a positive number of rows");
        Require(Momentum is >= 0 and < 1, nameof(Momentum), Momentum, "in [0, 1)");
    }

    private static void Require(bool valid, string name, object value, string allowed)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {allowed}; got {value}.");
        }
    }
}
