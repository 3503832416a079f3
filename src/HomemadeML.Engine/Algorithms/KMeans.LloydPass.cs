using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using HomemadeML.Engine.LinearAlgebra;

namespace HomemadeML.Engine.Algorithms;

public sealed partial class KMeans
{
    /// <summary>
    /// One pass of Lloyd's algorithm over x: every row gets its nearest centroid and, in the same visit, is added to
    /// that cluster's sum, so x is read once per iteration. The rows are cut into a fixed number of contiguous
    /// chunks (set by the data's shape, never by the core count); each chunk is worked through in row order by
    /// whichever thread takes it, into its own partial sums and counts, and the partials are added in chunk order.
    /// The result is therefore bit-identical whatever the thread count or scheduling. Buffers live as long as the fit.
    /// Distances: summed squared differences for small data; otherwise ‖c‖² − 2·x·c, the dot products from register
    /// tiles of four rows while the centroids fit in the L2 cache, from a single-threaded matrix product per block of
    /// rows beyond that.
    /// </summary>
    internal sealed class LloydPass
    {
        /// <summary>Rows per chunk: enough work per task (≈6 MB of Fashion-MNIST) for dozens of chunks to balance cores.</summary>
        private const int ChunkRows = 1024;

        /// <summary>Rows whose distances are computed together (one register tile high) and then added to their
        /// clusters' sums while still in the L1 cache (25 KB of Fashion-MNIST).</summary>
        private const int GroupRows = 4;

        /// <summary>How many rows ahead of the current group the next rows are requested from memory.</summary>
        private const int PrefetchRows = 16;

        /// <summary>Above this size (bytes) the centroids no longer sit in the L2 cache next to the rows, and the
        /// register tiles, which sweep all of them for every four rows, lose to the cache-blocked matrix product.</summary>
        private const long TiledCentroidsLimit = 512 * 1024;

        /// <summary>Rows per matrix product when there are many centroids: enough to amortise packing them.</summary>
        private const int ProductRows = 256;

        /// <summary>Upper bound on the per-chunk buffers (bytes): with many clusters × features, chunks grow instead.</summary>
        private const long ChunkBuffersBudget = 64L << 20;

        /// <summary>Below this many multiply-adds per pass, distances are summed squared differences (exact, and
        /// cheap at that size) instead of ‖c‖² − 2·x·c.</summary>
        private const long ProductThreshold = 1L << 20;

        private readonly Matrix _x;
        private readonly int _k;
        private readonly int _chunkRows;
        private readonly bool _products;
        private readonly bool _blockProducts;
        private readonly int _groupRows;
        private readonly double[] _centroidNorms;
        private readonly double[] _transposedCentroids;
        private readonly double[][] _scores;
        private readonly ParallelOptions _parallelism;
        private readonly Action<int> _runChunk;
        private Matrix[]? _partialSums;
        private int[][]? _partialCounts;
        private double[]? _mean;
        private double _totalScatter;

        // The arguments of the pass under way, read by the chunk workers.
        private Matrix? _centroids;
        private int[]? _assignments;
        private bool _summing;

        public LloydPass(Matrix x, int k, int? maxDegreeOfParallelism)
        {
            _x = x;
            _k = k;
            _products = (long)x.Rows * k * x.Columns >= ProductThreshold;
            _blockProducts = _products && (long)k * x.Columns * sizeof(double) > TiledCentroidsLimit;
            _groupRows = _blockProducts ? ProductRows : GroupRows;
            long chunkBytes = Math.Max(1L, (long)k * (x.Columns + _groupRows) * sizeof(double));
            long maxChunks = Math.Max(1L, ChunkBuffersBudget / chunkBytes);
            _chunkRows = (int)Math.Max(ChunkRows, (x.Rows + maxChunks - 1) / maxChunks);
            Chunks = Math.Max(1, (x.Rows + _chunkRows - 1) / _chunkRows);
            _centroidNorms = new double[k];
            _transposedCentroids = _blockProducts ? new double[x.Columns * k] : [];
            _scores = new double[Chunks][];
            for (int chunk = 0; chunk < Chunks; chunk++)
            {
                _scores[chunk] = new double[_groupRows * k];
            }

            _parallelism = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
            _runChunk = RunChunk;
        }

        public int Chunks { get; }

        /// <summary>
        /// Writes each row's nearest centroid into <paramref name="assignments"/> (ties go to the lower index) and,
        /// when <paramref name="sums"/> and <paramref name="counts"/> are given, Σ of the rows and the row count of
        /// every cluster.
        /// </summary>
        public void Run(Matrix x, Matrix centroids, int[] assignments, Matrix? sums, int[]? counts)
        {
            if (!ReferenceEquals(x, _x))
            {
                throw new ArgumentException("A LloydPass serves the matrix it was made for.", nameof(x));
            }

            _summing = sums is not null && counts is not null;
            if (_summing && _partialSums is null)
            {
                _partialSums = new Matrix[Chunks];
                _partialCounts = new int[Chunks][];
                for (int chunk = 0; chunk < Chunks; chunk++)
                {
                    _partialSums[chunk] = new Matrix(_k, _x.Columns);
                    _partialCounts[chunk] = new int[_k];
                }
            }

            for (int c = 0; c < _k; c++)
            {
                _centroidNorms[c] = Kernels.Kernels.SumOfSquares(centroids.Row(c));
            }

            if (_blockProducts)
            {
                // Features × clusters, so the block products' packing copies whole rows.
                for (int c = 0; c < _k; c++)
                {
                    for (int j = 0; j < _x.Columns; j++)
                    {
                        _transposedCentroids[(j * _k) + c] = centroids[c, j];
                    }
                }
            }

            _centroids = centroids;
            _assignments = assignments;
            Parallel.For(0, Chunks, _parallelism, _runChunk);
            _centroids = null;
            _assignments = null;
            if (sums is null || counts is null)
            {
                return;
            }

            // Chunk order, not completion order: the sums come out the same whatever thread finished first.
            Array.Clear(sums.Data);
            Array.Clear(counts);
            for (int chunk = 0; chunk < Chunks; chunk++)
            {
                Kernels.Kernels.Add(sums.Data, _partialSums![chunk].Data, sums.Data);
                var partialCounts = _partialCounts![chunk];
                for (int c = 0; c < _k; c++)
                {
                    counts[c] += partialCounts[c];
                }
            }
        }

        /// <summary>
        /// Σᵢ ‖xᵢ − μ_c(i)‖² when every centroid μk is the mean of its nk rows: the total scatter Σᵢ ‖xᵢ − x̄‖² (computed
        /// once per fit) minus the between-cluster scatter Σk nk·‖μk − x̄‖². Measuring from the column means x̄ rather
        /// than the origin keeps the subtraction well conditioned for data far from zero.
        /// </summary>
        public double InertiaOfMeans(Matrix centroids, int[] counts)
        {
            var mean = _mean ?? MeasureScatter();
            double between = 0;
            for (int c = 0; c < _k; c++)
            {
                between += counts[c] * Kernels.Kernels.SquaredDistance(centroids.Row(c), mean);
            }

            // Rounding can take a perfect clustering a few ulps below zero.
            return Math.Max(0, _totalScatter - between);
        }

        /// <summary>x̄ and Σᵢ ‖xᵢ − x̄‖², by chunks added in chunk order (deterministic like <see cref="Run"/>).</summary>
        private double[] MeasureScatter()
        {
            int columns = _x.Columns;
            var partialSums = new double[Chunks * columns];
            Parallel.For(0, Chunks, _parallelism, chunk =>
            {
                var sum = partialSums.AsSpan(chunk * columns, columns);
                int end = Math.Min(_x.Rows, (chunk + 1) * _chunkRows);
                for (int i = chunk * _chunkRows; i < end; i++)
                {
                    Kernels.Kernels.Add(sum, _x.Row(i), sum);
                }
            });

            var mean = new double[columns];
            for (int chunk = 0; chunk < Chunks; chunk++)
            {
                Kernels.Kernels.Add(mean, partialSums.AsSpan(chunk * columns, columns), mean);
            }

            Kernels.Kernels.Scale(1.0 / _x.Rows, mean, mean);
            var partialScatter = new double[Chunks];
            Parallel.For(0, Chunks, _parallelism, chunk =>
            {
                double scatter = 0;
                int end = Math.Min(_x.Rows, (chunk + 1) * _chunkRows);
                for (int i = chunk * _chunkRows; i < end; i++)
                {
                    scatter += Kernels.Kernels.SquaredDistance(_x.Row(i), mean);
                }

                partialScatter[chunk] = scatter;
            });

            _totalScatter = 0;
            foreach (double scatter in partialScatter)
            {
                _totalScatter += scatter;
            }

            _mean = mean;
            return mean;
        }

        private void RunChunk(int chunk)
        {
            var centroids = _centroids!;
            var assignments = _assignments!;
            int start = chunk * _chunkRows, end = Math.Min(_x.Rows, start + _chunkRows);
            Matrix? sums = null;
            int[]? counts = null;
            if (_summing)
            {
                sums = _partialSums![chunk];
                counts = _partialCounts![chunk];
                Array.Clear(sums.Data);
                Array.Clear(counts);
            }

            // A few rows at a time: their distances to every centroid, then each joins its cluster's sum while the
            // rows are still in cache.
            var scores = _scores[chunk].AsSpan();
            for (int first = start; first < end; first += _groupRows)
            {
                int rows = Math.Min(_groupRows, end - first);
                if (!_products)
                {
                    for (int r = 0; r < rows; r++)
                    {
                        DistanceScores(_x.Row(first + r), centroids, scores.Slice(r * _k, _k));
                    }
                }
                else if (_blockProducts)
                {
                    BlockScores(first, rows, scores);
                }
                else
                {
                    Prefetch(first + PrefetchRows, Math.Min(GroupRows, _x.Rows - first - PrefetchRows));
                    if (Vector512.IsHardwareAccelerated)
                    {
                        ProductScores<Wide, Vector512<double>>(first, rows, centroids, scores);
                    }
                    else
                    {
                        ProductScores<Narrow, Vector256<double>>(first, rows, centroids, scores);
                    }
                }

                for (int r = 0; r < rows; r++)
                {
                    int cluster = ArgMin(scores.Slice(r * _k, _k));
                    assignments[first + r] = cluster;
                    if (sums is not null)
                    {
                        var sum = sums.Row(cluster);
                        Kernels.Kernels.Add(sum, _x.Row(first + r), sum);
                        counts![cluster]++;
                    }
                }
            }
        }

        /// <summary>
        /// Asks for <paramref name="count"/> rows from <paramref name="first"/> on to be brought into the cache. The
        /// distance tiles keep the core busy with multiply-adds, and without the hint the next rows arrive late.
        /// </summary>
        private unsafe void Prefetch(int first, int count)
        {
            if (!Sse.IsSupported || count <= 0)
            {
                return;
            }

            fixed (double* rows = _x.Data.AsSpan(first * _x.Columns, count * _x.Columns))
            {
                byte* bytes = (byte*)rows;
                long length = (long)count * _x.Columns * sizeof(double);
                for (long offset = 0; offset < length; offset += 64)
                {
                    Sse.Prefetch0(bytes + offset);
                }
            }
        }

        private static int ArgMin(ReadOnlySpan<double> scores)
        {
            int best = 0;
            double bestScore = double.PositiveInfinity;
            for (int c = 0; c < scores.Length; c++)
            {
                if (scores[c] < bestScore)
                {
                    bestScore = scores[c];
                    best = c;
                }
            }

            return best;
        }

        private static void DistanceScores(ReadOnlySpan<double> row, Matrix centroids, Span<double> scores)
        {
            for (int c = 0; c < scores.Length; c++)
            {
                scores[c] = Kernels.Kernels.SquaredDistance(row, centroids.Row(c));
            }
        }

        /// <summary>scores[r·k + c] = ‖μc‖² − 2·x(first + r)·μc from one single-threaded matrix product (many centroids).</summary>
        private void BlockScores(int first, int rows, Span<double> scores)
        {
            int k = _k, d = _x.Columns;
            var products = scores[..(rows * k)];
            MatrixMultiply.Multiply(_x.Data.AsSpan(first * d, rows * d), _transposedCentroids, products, rows, d, k, maxDegreeOfParallelism: 1);
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < k; c++)
                {
                    products[(r * k) + c] = _centroidNorms[c] - (2 * products[(r * k) + c]);
                }
            }
        }

        /// <summary>
        /// scores[r·k + c] = ‖μc‖² − 2·x(first + r)·μc for r below <paramref name="rows"/> (at most four): ‖x − μc‖²
        /// minus ‖x‖², which is the same for every c and so leaves the argmin alone. Tiles of four rows × two centroids
        /// (eight vector accumulators, enough to hide the multiply-add latency); missing rows of a short group repeat
        /// its last row. Each dot product has one vector accumulator over the columns, its lanes summed at the end,
        /// then the scalar tail: the same order for every (row, centroid) pair, whichever tile computes it.
        /// </summary>
        private void ProductScores<TLanes, TVector>(int first, int rows, Matrix centroids, Span<double> scores)
            where TLanes : struct, ILanes<TVector>
            where TVector : struct
        {
            int k = _k, d = _x.Columns;
            int vectorColumns = d - (d % TLanes.Count);
            ref double x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_x.Data), (nint)first * d);
            ref double x0 = ref x;
            ref double x1 = ref Unsafe.Add(ref x, (nint)Math.Min(1, rows - 1) * d);
            ref double x2 = ref Unsafe.Add(ref x, (nint)Math.Min(2, rows - 1) * d);
            ref double x3 = ref Unsafe.Add(ref x, (nint)Math.Min(3, rows - 1) * d);
            ref double mu = ref MemoryMarshal.GetArrayDataReference(centroids.Data);
            int c = 0;
            for (; c + 2 <= k; c += 2)
            {
                Tile4x2<TLanes, TVector>(ref x0, ref x1, ref x2, ref x3, ref Unsafe.Add(ref mu, (nint)c * d), d, vectorColumns, scores[c..], k);
            }

            if (c < k)
            {
                Tile4x1<TLanes, TVector>(ref x0, ref x1, ref x2, ref x3, ref Unsafe.Add(ref mu, (nint)c * d), vectorColumns, scores[c..], k);
            }

            for (int r = 0; r < rows; r++)
            {
                ref double row = ref Unsafe.Add(ref x, (nint)r * d);
                for (c = 0; c < k; c++)
                {
                    double dot = scores[(r * k) + c];
                    for (int p = vectorColumns; p < d; p++)
                    {
                        dot = Math.FusedMultiplyAdd(Unsafe.Add(ref row, p), centroids[c, p], dot);
                    }

                    scores[(r * k) + c] = _centroidNorms[c] - (2 * dot);
                }
            }
        }

        /// <summary>Four rows · two consecutive centroid rows over the first <paramref name="columns"/> columns;
        /// writes the lane sums to scores[r·<paramref name="stride"/> + 0 or 1].</summary>
        private static void Tile4x2<TLanes, TVector>(ref double x0, ref double x1, ref double x2, ref double x3, ref double mu, int d, int columns, Span<double> scores, int stride)
            where TLanes : struct, ILanes<TVector>
            where TVector : struct
        {
            nuint w = (nuint)TLanes.Count;
            ref double mu1 = ref Unsafe.Add(ref mu, d);
            TVector a00 = default, a01 = default, a10 = default, a11 = default, a20 = default, a21 = default, a30 = default, a31 = default;
            for (nuint p = 0; p < (nuint)columns; p += w)
            {
                var m0 = TLanes.Load(ref mu, p);
                var m1 = TLanes.Load(ref mu1, p);
                var v = TLanes.Load(ref x0, p);
                a00 = TLanes.Fma(v, m0, a00);
                a01 = TLanes.Fma(v, m1, a01);
                v = TLanes.Load(ref x1, p);
                a10 = TLanes.Fma(v, m0, a10);
                a11 = TLanes.Fma(v, m1, a11);
                v = TLanes.Load(ref x2, p);
                a20 = TLanes.Fma(v, m0, a20);
                a21 = TLanes.Fma(v, m1, a21);
                v = TLanes.Load(ref x3, p);
                a30 = TLanes.Fma(v, m0, a30);
                a31 = TLanes.Fma(v, m1, a31);
            }

            scores[0] = TLanes.Sum(a00);
            scores[1] = TLanes.Sum(a01);
            scores[stride] = TLanes.Sum(a10);
            scores[stride + 1] = TLanes.Sum(a11);
            scores[2 * stride] = TLanes.Sum(a20);
            scores[(2 * stride) + 1] = TLanes.Sum(a21);
            scores[3 * stride] = TLanes.Sum(a30);
            scores[(3 * stride) + 1] = TLanes.Sum(a31);
        }

        /// <summary>Four rows · one centroid row, as <see cref="Tile4x2"/> (an odd number of centroids).</summary>
        private static void Tile4x1<TLanes, TVector>(ref double x0, ref double x1, ref double x2, ref double x3, ref double mu, int columns, Span<double> scores, int stride)
            where TLanes : struct, ILanes<TVector>
            where TVector : struct
        {
            nuint w = (nuint)TLanes.Count;
            TVector a0 = default, a1 = default, a2 = default, a3 = default;
            for (nuint p = 0; p < (nuint)columns; p += w)
            {
                var m = TLanes.Load(ref mu, p);
                a0 = TLanes.Fma(TLanes.Load(ref x0, p), m, a0);
                a1 = TLanes.Fma(TLanes.Load(ref x1, p), m, a1);
                a2 = TLanes.Fma(TLanes.Load(ref x2, p), m, a2);
                a3 = TLanes.Fma(TLanes.Load(ref x3, p), m, a3);
            }

            scores[0] = TLanes.Sum(a0);
            scores[stride] = TLanes.Sum(a1);
            scores[2 * stride] = TLanes.Sum(a2);
            scores[3 * stride] = TLanes.Sum(a3);
        }

        /// <summary>The vector operations the tiles need, at one width (Vector512 or Vector256 of double).</summary>
        private interface ILanes<TVector>
            where TVector : struct
        {
            static abstract int Count { get; }

            static abstract TVector Load(ref double source, nuint offset);

            static abstract TVector Fma(TVector x, TVector y, TVector addend);

            static abstract double Sum(TVector value);
        }

        private readonly struct Wide : ILanes<Vector512<double>>
        {
            public static int Count => Vector512<double>.Count;

            public static Vector512<double> Load(ref double source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

            public static Vector512<double> Fma(Vector512<double> x, Vector512<double> y, Vector512<double> addend) => Vector512.FusedMultiplyAdd(x, y, addend);

            public static double Sum(Vector512<double> value) => Vector512.Sum(value);
        }

        private readonly struct Narrow : ILanes<Vector256<double>>
        {
            public static int Count => Vector256<double>.Count;

            public static Vector256<double> Load(ref double source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

            public static Vector256<double> Fma(Vector256<double> x, Vector256<double> y, Vector256<double> addend) => Vector256.FusedMultiplyAdd(x, y, addend);

            public static double Sum(Vector256<double> value) => Vector256.Sum(value);
        }
    }
}
