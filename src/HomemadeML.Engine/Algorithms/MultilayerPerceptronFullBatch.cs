using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Algorithms;

/// <summary>
/// The full-batch cost and gradient over all m rows, computed in chunks of <see cref="ChunkRows"/> rows. A chunk is
/// copied into a buffer small enough to stay in the core's L2 cache through its forward and its backward pass, so
/// the design matrix is read from memory once per iteration instead of twice (on 60,000 × 785 that read is most of
/// the time). Chunks are dealt to a fixed number of lanes, not to cores: each lane sums its chunks in order and the
/// lanes are added in order, so the gradient is bit-identical on any number of cores and under any thread schedule.
/// </summary>
internal sealed class MultilayerPerceptronFullBatch
{
    private const int ChunkRows = 64;
    private const int Lanes = 8;

    private readonly Matrix _design;
    private readonly Matrix _targets;
    private readonly Lane[] _lanes;
    private readonly ParallelOptions _parallelism;

    public MultilayerPerceptronFullBatch(int[] sizes, Matrix design, Matrix targets, int? maxDegreeOfParallelism)
    {
        _design = design;
        _targets = targets;
        int chunks = (design.Rows + ChunkRows - 1) / ChunkRows;
        _lanes = [.. Enumerable.Range(0, Math.Min(Lanes, chunks)).Select(lane => new Lane(sizes, design, targets, lane * chunks / Math.Min(Lanes, chunks), (lane + 1) * chunks / Math.Min(Lanes, chunks)))];
        _parallelism = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
    }

    public double CostAndGradient(Matrix[] weights, Matrix[] gradients, double lambda)
    {
        Parallel.For(0, _lanes.Length, _parallelism, lane => _lanes[lane].Sum(_design, _targets, weights));
        double logLikelihood = 0;
        for (int l = 0; l < gradients.Length; l++)
        {
            _lanes[0].GradientSums[l].Data.CopyTo(gradients[l].Data, 0);
        }

        foreach (var lane in _lanes)
        {
            logLikelihood += lane.LogLikelihood;
            if (lane != _lanes[0])
            {
                for (int l = 0; l < gradients.Length; l++)
                {
                    Kernels.Kernels.Add(gradients[l].Data, lane.GradientSums[l].Data, gradients[l].Data);
                }
            }
        }

        return MultilayerPerceptronNetwork.Regularize(weights, gradients, lambda, _design.Rows, logLikelihood);
    }

    /// <summary>One lane's chunks [first, end), its chunk buffers and its running sums; it runs on one thread at a time.</summary>
    private sealed class Lane
    {
        private readonly int _firstChunk;
        private readonly int _endChunk;
        private readonly Chunk _full;
        private readonly Chunk? _last;

        public Lane(int[] sizes, Matrix design, Matrix targets, int firstChunk, int endChunk)
        {
            _firstChunk = firstChunk;
            _endChunk = endChunk;
            GradientSums = MultilayerPerceptronNetwork.CreateWeights(sizes);
            _full = new Chunk(sizes, ChunkRows, design.Columns, targets.Columns);
            int lastRows = design.Rows - ((endChunk - 1) * ChunkRows);
            _last = lastRows < ChunkRows ? new Chunk(sizes, lastRows, design.Columns, targets.Columns) : null;
        }

        public Matrix[] GradientSums { get; }

        public double LogLikelihood { get; private set; }

        public void Sum(Matrix design, Matrix targets, Matrix[] weights)
        {
            double logLikelihood = 0;
            for (int c = _firstChunk; c < _endChunk; c++)
            {
                var chunk = c == _endChunk - 1 && _last is not null ? _last : _full;
                int start = c * ChunkRows;
                design.Data.AsSpan(start * design.Columns, chunk.Input.Data.Length).CopyTo(chunk.Input.Data);
                targets.Data.AsSpan(start * targets.Columns, chunk.Targets.Data.Length).CopyTo(chunk.Targets.Data);
                logLikelihood += chunk.Network.BackPropagate(chunk.Input, chunk.Targets, weights, GradientSums, accumulate: c != _firstChunk);
            }

            LogLikelihood = logLikelihood;
        }
    }

    private sealed class Chunk(int[] sizes, int rows, int inputColumns, int classes)
    {
        public Matrix Input { get; } = new(rows, inputColumns);

        public Matrix Targets { get; } = new(rows, classes);

        // Products inside a lane stay on its thread: the lanes are the parallelism.
        public MultilayerPerceptronNetwork Network { get; } = new(sizes, rows, maxDegreeOfParallelism: 1);
    }
}
