using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Optimization;

namespace HomemadeML.Engine.Algorithms;

/// <summary>
/// The forward and backward pass of a sigmoid network over a batch of a fixed number of rows. Every step is a matrix
/// product or a vector kernel over many rows at once — no loop over examples — and nothing allocates after
/// construction.
/// The batch is worked through in tiles of <see cref="TileRows"/> rows, each carried forward and backward before the
/// next: the tile of the input that the first layer's product reads from memory is still in the core's L2 cache
/// when the gradient product reads it again, so an iteration reads the data once instead of twice (on Fashion-MNIST
/// that read, 377 MB, bounds each product). Tiles are grouped into chunks fixed by the batch's shape, never by the
/// core count; cores take whole chunks, each chunk sums its own partial gradients and log-likelihood, and the
/// partials are added in chunk order — the result is identical on one core or many.
/// </summary>
internal sealed class MultilayerPerceptronNetwork
{
    /// <summary>Rows per tile: 128 rows of Fashion-MNIST (785 doubles each) are 800 KB, inside a 1 MB L2 cache.</summary>
    private const int TileRows = 128;

    /// <summary>Rows per chunk, the unit of work a core takes: dozens of chunks on 60,000 rows keep both cores busy.</summary>
    private const int ChunkRows = 1024;

    /// <summary>Upper bound on the chunks' buffers (bytes): with many weights or units, chunks grow instead.</summary>
    private const long ChunkBuffersBudget = 64L << 20;

    private readonly int[] _sizes;
    private readonly int _chunkRows;
    private readonly Chunk[] _chunks;
    private readonly PackedTransposedOperand[]? _packedWeights; // Θ⁽ˡ⁾ᵀ packed once per pass when several tiles reuse it
    private readonly int _productThreads;
    private readonly ParallelOptions _parallelism;
    private readonly Action<int> _runChunk;

    // The pass under way, read by the chunk workers.
    private Matrix? _input;
    private Matrix? _targets;
    private Matrix[]? _weights;
    private Matrix[]? _gradients;

    /// <param name="sizes">Units per layer, inputs first (without bias units).</param>
    /// <param name="rows">Rows of every batch this network will see.</param>
    /// <param name="maxDegreeOfParallelism">Cores to use (null: all).</param>
    public MultilayerPerceptronNetwork(int[] sizes, int rows, int? maxDegreeOfParallelism = null)
    {
        _sizes = sizes;
        Rows = rows;
        Output = new Matrix(rows, sizes[^1]);
        long weights = Enumerable.Range(1, sizes.Length - 1).Sum(l => (long)sizes[l] * (sizes[l - 1] + 1)); // counted, not allocated
        long tileValues = (long)TileRows * Enumerable.Range(1, sizes.Length - 1).Sum(l => (4L * sizes[l]) + 2);
        long chunkBytes = (weights + tileValues) * sizeof(double);
        long maxChunks = Math.Max(1L, ChunkBuffersBudget / chunkBytes);
        long chunkRows = Math.Max(ChunkRows, (rows + maxChunks - 1) / maxChunks);
        _chunkRows = (int)Math.Min(Math.Max(rows, 1), (chunkRows + TileRows - 1) / TileRows * TileRows);
        int chunks = Math.Max(1, (rows + _chunkRows - 1) / _chunkRows);

        // One chunk sums straight into the caller's gradients; several need a partial sum each.
        _chunks = [.. Enumerable.Range(0, chunks).Select(_ => new Chunk(sizes, Math.Min(TileRows, _chunkRows), partialGradients: chunks > 1))];

        // Several chunks already occupy the cores; a single chunk (a mini-batch) lets its products use them instead.
        _productThreads = chunks > 1 ? 1 : maxDegreeOfParallelism ?? 0;
        _packedWeights = rows > TileRows ? [.. Enumerable.Range(1, sizes.Length - 1).Select(_ => new PackedTransposedOperand())] : null;
        _parallelism = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
        _runChunk = RunChunk;
    }

    public int Rows { get; }

    /// <summary>The output layer's activations after <see cref="Forward"/> or <see cref="CostAndGradient"/>.</summary>
    public Matrix Output { get; }

    /// <summary>The weight shapes of a network with these layer sizes.</summary>
    public static Matrix[] CreateWeights(int[] sizes) =>
        [.. Enumerable.Range(0, sizes.Length - 1).Select(l => new Matrix(sizes[l + 1], sizes[l] + 1))];

    /// <summary>a⁽ˡ⁺¹⁾ = g(a⁽ˡ⁾·Θ⁽ˡ⁾ᵀ) layer by layer into <see cref="Output"/>; <paramref name="input"/> already holds the bias column.</summary>
    public void Forward(Matrix input, Matrix[] weights) => Run(input, weights, targets: null, gradients: null);

    /// <summary>
    /// Computes J(Θ) = −(1/m)·Σᵢ Σₖ [yₖ·log hₖ + (1 − yₖ)·log(1 − hₖ)] + λ/(2m)·Σ non-bias Θ², and writes ∂J/∂Θ
    /// into <paramref name="gradients"/> by back-propagation.
    /// </summary>
    public double CostAndGradient(Matrix input, Matrix targets, Matrix[] weights, Matrix[] gradients, double lambda)
    {
        Run(input, weights, targets, gradients);
        int m = Rows;
        double logLikelihood = _chunks[0].LogLikelihood;
        for (int c = 1; c < _chunks.Length; c++)
        {
            logLikelihood += _chunks[c].LogLikelihood;
        }

        double penalty = 0;
        for (int l = 0; l < weights.Length; l++)
        {
            if (_chunks.Length > 1)
            {
                _chunks[0].PartialGradients![l].Data.CopyTo(gradients[l].Data, 0);
                for (int c = 1; c < _chunks.Length; c++)
                {
                    Kernels.Kernels.Add(gradients[l].Data, _chunks[c].PartialGradients![l].Data, gradients[l].Data);
                }
            }

            // ∂J/∂Θ⁽ˡ⁾ = (1/m)·Σᵢ δ⁽ˡ⁺¹⁾ᵀ·a⁽ˡ⁾ + (λ/m)·Θ⁽ˡ⁾ (bias column not regularized).
            Kernels.Kernels.Scale(1.0 / m, gradients[l].Data, gradients[l].Data);
            for (int r = 0; r < weights[l].Rows; r++)
            {
                var theta = weights[l].Row(r)[1..];
                penalty += Kernels.Kernels.SumOfSquares(theta);
                Kernels.Kernels.MultiplyAdd(lambda / m, theta, gradients[l].Row(r)[1..]);
            }
        }

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

    private void Run(Matrix input, Matrix[] weights, Matrix? targets, Matrix[]? gradients)
    {
        if (input.Rows != Rows || (targets is not null && targets.Rows != Rows))
        {
            throw new ArgumentException($"This network was sized for batches of {Rows} rows; got {input.Rows}.", nameof(input));
        }

        (_input, _weights, _targets, _gradients) = (input, weights, targets, gradients);
        for (int l = 0; _packedWeights is not null && l < weights.Length; l++)
        {
            _packedWeights[l].Pack(weights[l].Data, weights[l].Rows, weights[l].Columns);
        }

        try
        {
            if (_chunks.Length == 1)
            {
                RunChunk(0);
            }
            else
            {
                Parallel.For(0, _chunks.Length, _parallelism, _runChunk);
            }
        }
        finally
        {
            (_input, _weights, _targets, _gradients) = (null, null, null, null);
        }
    }

    /// <summary>Carries each tile of chunk <paramref name="index"/> forward and, when there are targets, backward.</summary>
    private void RunChunk(int index)
    {
        var chunk = _chunks[index];
        int start = index * _chunkRows, end = Math.Min(Rows, start + _chunkRows);
        chunk.LogLikelihood = 0;
        for (int tile = start; tile < end; tile += chunk.TileRows)
        {
            int rows = Math.Min(chunk.TileRows, end - tile);
            ForwardTile(chunk, tile, rows);
            if (_targets is not null)
            {
                chunk.LogLikelihood += LogLikelihood(chunk, tile, rows);
                BackwardTile(chunk, chunk.PartialGradients ?? _gradients!, tile, rows, accumulate: tile > start);
            }
        }
    }

    private void ForwardTile(Chunk chunk, int start, int rows)
    {
        int last = _sizes.Length - 1;
        ReadOnlySpan<double> a = RowsOf(_input!, start, rows);
        for (int l = 1; l <= last; l++)
        {
            int units = _sizes[l];
            var z = chunk.Products[l].AsSpan(0, rows * units);
            if (_packedWeights is null)
            {
                // A single tile (a mini-batch): packing once would pack once for it anyway, on one core.
                MatrixMultiply.MultiplyTransposedRight(a, _weights![l - 1].Data, z, rows, _sizes[l - 1] + 1, units, maxDegreeOfParallelism: _productThreads);
            }
            else
            {
                MatrixMultiply.MultiplyTransposedRight(a, _packedWeights[l - 1], z, rows, maxDegreeOfParallelism: _productThreads);
            }
            if (l == last)
            {
                Kernels.Kernels.Sigmoid(z, RowsOf(Output, start, rows));
                break;
            }

            // Hidden layers carry a leading bias unit of 1.
            var activations = chunk.Activations[l].AsSpan(0, rows * (units + 1));
            for (int i = 0; i < rows; i++)
            {
                var row = activations.Slice(i * (units + 1), units + 1);
                row[0] = 1;
                Kernels.Kernels.Sigmoid(z.Slice(i * units, units), row[1..]);
            }

            a = activations;
        }
    }

    /// <summary>Σ over the tile of Σₖ yₖ·log hₖ + (1 − yₖ)·log(1 − hₖ); with one-hot y that is log h where y = 1, else log(1 − h).</summary>
    private double LogLikelihood(Chunk chunk, int start, int rows)
    {
        var h = RowsOf(Output, start, rows);
        var y = RowsOf(_targets!, start, rows);
        var terms = chunk.LogTerms.AsSpan(0, h.Length);
        for (int i = 0; i < terms.Length; i++)
        {
            terms[i] = y[i] == 1 ? h[i] : 1 - h[i];
        }

        Kernels.Kernels.LogClamped(terms, terms);
        return Kernels.Kernels.Sum(terms);
    }

    /// <summary>Adds the tile's Σᵢ δ⁽ˡ⁺¹⁾ᵀ·a⁽ˡ⁾ to <paramref name="sums"/> (or writes it, unless <paramref name="accumulate"/>).</summary>
    private void BackwardTile(Chunk chunk, Matrix[] sums, int start, int rows, bool accumulate)
    {
        int last = _sizes.Length - 1;
        var weights = _weights!;

        // lesson-snippet-start: multilayer-perceptron
        // Output layer: δ⁽ᴸ⁾ = a⁽ᴸ⁾ − y, for every row of the tile at once.
        var delta = chunk.Deltas[last].AsSpan(0, rows * _sizes[last]);
        Kernels.Kernels.Subtract(RowsOf(Output, start, rows), RowsOf(_targets!, start, rows), delta);
        for (int l = last - 1; l >= 0; l--)
        {
            int units = _sizes[l], inputs = units + 1; // a⁽ˡ⁾ has a leading bias column of ones
            ReadOnlySpan<double> a = l == 0 ? RowsOf(_input!, start, rows) : chunk.Activations[l].AsSpan(0, rows * inputs);

            // Σᵢ δ⁽ˡ⁺¹⁾ᵀ·a⁽ˡ⁾ over the rows; CostAndGradient divides by m and adds (λ/m)·Θ⁽ˡ⁾.
            MatrixMultiply.MultiplyTransposedLeft(delta, a, sums[l].Data, _sizes[l + 1], rows, inputs, accumulate, _productThreads);
            if (l == 0)
            {
                break;
            }

            // Hidden layer: δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾·Θ⁽ˡ⁾)[without bias] ⊙ a⁽ˡ⁾ ⊙ (1 − a⁽ˡ⁾), since g′(z) = g(z)·(1 − g(z)).
            var back = chunk.BackProducts[l].AsSpan(0, rows * inputs);
            MatrixMultiply.Multiply(delta, weights[l].Data, back, rows, _sizes[l + 1], inputs, maxDegreeOfParallelism: _productThreads);
            delta = chunk.Deltas[l].AsSpan(0, rows * units);
            for (int i = 0; i < rows; i++)
            {
                var rowDelta = delta.Slice(i * units, units);
                Kernels.Kernels.SigmoidGradient(a.Slice((i * inputs) + 1, units), rowDelta);
                Kernels.Kernels.Multiply(back.Slice((i * inputs) + 1, units), rowDelta, rowDelta);
            }
        }
        // lesson-snippet-end: multilayer-perceptron
    }

    private static Span<double> RowsOf(Matrix matrix, int start, int rows) => matrix.Data.AsSpan(start * matrix.Columns, rows * matrix.Columns);

    /// <summary>One chunk's tile buffers and partial sums; only the chunk's own worker touches them during a pass.</summary>
    private sealed class Chunk
    {
        public Chunk(int[] sizes, int tileRows, bool partialGradients)
        {
            TileRows = tileRows;
            int layers = sizes.Length;
            Products = new double[layers][];
            Activations = new double[layers][];
            Deltas = new double[layers][];
            BackProducts = new double[layers][];
            for (int l = 1; l < layers; l++)
            {
                Products[l] = new double[tileRows * sizes[l]];
                Deltas[l] = new double[tileRows * sizes[l]];
                if (l < layers - 1)
                {
                    Activations[l] = new double[tileRows * (sizes[l] + 1)];
                    BackProducts[l] = new double[tileRows * (sizes[l] + 1)];
                }
            }

            LogTerms = new double[tileRows * sizes[^1]];
            PartialGradients = partialGradients ? CreateWeights(sizes) : null;
        }

        public int TileRows { get; }

        public double[][] Products { get; }      // z⁽ˡ⁾ = a⁽ˡ⁻¹⁾·Θ⁽ˡ⁻¹⁾ᵀ
        public double[][] Activations { get; }   // hidden layers only, with the bias column; the output goes to Output
        public double[][] Deltas { get; }        // δ⁽ˡ⁾
        public double[][] BackProducts { get; }  // δ⁽ˡ⁺¹⁾·Θ⁽ˡ⁾
        public double[] LogTerms { get; }

        /// <summary>Σ over the chunk's rows of δ⁽ˡ⁺¹⁾ᵀ·a⁽ˡ⁾ per layer; null when the batch is a single chunk.</summary>
        public Matrix[]? PartialGradients { get; }

        public double LogLikelihood { get; set; }
    }
}
