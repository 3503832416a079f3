using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HomemadeML.Engine.LinearAlgebra;

/// <summary>
/// C += op(A)·op(B) for double or float, organised like BLIS/GotoBLAS: the k dimension is cut into KC-deep
/// slices, a KC×NC block of op(B) is packed into NR-wide panels (kept in L2/L3), an MC×KC block of op(A) into
/// MR-tall panels (kept in L2), and a register-tiled micro-kernel multiplies one MR×KC panel by one KC×NR
/// panel with MR·NR/width vector accumulators and fused multiply-adds. Packing makes every inner-loop read
/// contiguous whatever the transposition, so one micro-kernel serves A·B, Aᵀ·B and A·Bᵀ. Large products
/// split C into one slab per core (BlockedGemm.SlabWork.cs); each worker packs into buffers rented from a
/// small pool (BlockedGemm.PackingWorkspace.cs), so once they exist a call allocates nothing.
/// </summary>
internal static unsafe partial class BlockedGemm<T>
    where T : unmanaged, INumber<T>
{
    /// <summary>Rows of the register tile: 6 rows × 2 vectors = 12 accumulators, leaving registers for the
    /// two B vectors and the broadcast A value even with 16 vector registers (AVX2).</summary>
    internal const int MR = 6;

    /// <summary>Up to this many rows of C, B's panels are used by so few register tiles that packing them costs more
    /// than it saves: full-width panels of row-major B are read in place.</summary>
    private const int InPlaceRows = 32;

    /// <summary>Depth of a packed slice: an NR-wide B panel (256·16 doubles = 32 KB) stays in the 48 KB L1.</summary>
    internal const int KC = 256;

    /// <summary>Rows of a packed A block: MC×KC·sizeof(T) = 288 KB (144 doubles or 288 floats deep), well inside
    /// the 1 MB L2 per core next to the B panels streaming through.</summary>
    internal static int MC => 144 * sizeof(double) / sizeof(T);

    /// <summary>Below this many multiply-adds (m·n·k) packing and threads cost more than they save.</summary>
    internal const long SmallProduct = 32 * 1024;

    /// <summary>From this many multiply-adds a second core pays for its start-up (≈10 µs of work per core).</summary>
    internal const long ParallelProduct = 1L << 19;

    private const int BufferAlignment = 64;


    /// <summary>Vector lanes of the micro-kernel's vectors (Vector512 if native, else Vector256).</summary>
    internal static int Width => Vector512.IsHardwareAccelerated ? Vector512<T>.Count : Vector256<T>.Count;

    /// <summary>Columns of the register tile: two vectors.</summary>
    internal static int NR => 2 * Width;

    /// <summary>Columns of a packed B block: KC·NC·sizeof(T) = 2 MB, a share of the 32 MB L3.</summary>
    internal static int NC => 2 * 1024 * 1024 / (KC * sizeof(T));

    /// <summary>
    /// C (m×n, row-major, leading dimension n) = or += op(A)·op(B). <paramref name="packedB"/>, if given, is op(B)
    /// already packed by <see cref="PackAll"/>; the blocked kernel then reads it instead of packing B again.
    /// </summary>
    public static void Run(StridedOperand<T> a, StridedOperand<T> b, T* c, int m, int k, int n, bool accumulate, int maxDegreeOfParallelism, T* packedB = null)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        if (!accumulate)
        {
            new Span<T>(c, checked(m * n)).Clear();
        }

        if (k == 0)
        {
            return;
        }

        long work = (long)m * n * k;
        if (work < SmallProduct || !Vector256.IsHardwareAccelerated)
        {
            Simple(a, b, c, n, m, k, n);
            return;
        }

        int threads = maxDegreeOfParallelism is 0 or -1 ? Environment.ProcessorCount : Math.Min(maxDegreeOfParallelism, Environment.ProcessorCount);
        if (threads <= 1 || work < ParallelProduct)
        {
            Blocked(a, b, c, n, m, k, n, packedB);
            return;
        }

        // One slab of C per worker, cut along the longer side in whole register tiles (along the rows when B is
        // packed already: every slab then reads all of it).
        bool splitRows = m >= n || packedB != null;
        int tile = splitRows ? MR : NR;
        int extent = splitRows ? m : n;
        int slab = (((extent + threads - 1) / threads) + tile - 1) / tile * tile;
        int slabs = (extent + slab - 1) / slab;
        if (slabs <= 1)
        {
            Blocked(a, b, c, n, m, k, n, packedB);
            return;
        }

        SlabWork.Run(a, b, c, m, k, n, splitRows, slab, slabs, packedB);
    }

    /// <summary>Elements <see cref="PackAll"/> writes for a k×n op(B).</summary>
    public static int PackedLength(int k, int n) => checked(k * RoundUp(n, NR));

    /// <summary>
    /// Packs all of op(B) (k×n) the way <see cref="Blocked(StridedOperand{T}, StridedOperand{T}, T*, nint, int, int, int, T*)"/>
    /// packs it block by block: NC-column blocks one after another, each as KC-deep slices of NR-wide panels.
    /// </summary>
    public static void PackAll(StridedOperand<T> b, int k, int n, T* destination)
    {
        for (int jc = 0; jc < n; jc += NC)
        {
            int ncCur = Math.Min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC)
            {
                PackB(b.Offset(pc, jc), Math.Min(KC, k - pc), ncCur, PackedBlock(destination, k, jc, pc, ncCur));
            }
        }
    }

    /// <summary>Where the slice starting at depth pc of the block starting at column jc lies in a <see cref="PackAll"/> buffer.</summary>
    private static T* PackedBlock(T* packed, int k, int jc, int pc, int ncCur) => packed + ((nint)jc * k) + ((nint)pc * RoundUp(ncCur, NR));

    /// <summary>Multiplies slab <paramref name="index"/> of C: a band of rows, or of columns, <paramref name="slab"/> wide.</summary>
    private static void RunSlab(StridedOperand<T> a, StridedOperand<T> b, T* c, int m, int k, int n, bool splitRows, int slab, int index, T* packedB)
    {
        int start = index * slab;
        if (splitRows)
        {
            Blocked(a.Offset(start, 0), b, c + ((nint)start * n), n, Math.Min(slab, m - start), k, n, packedB);
        }
        else
        {
            Blocked(a, b.Offset(0, start), c + start, n, m, k, Math.Min(slab, n - start));
        }
    }

    /// <summary>Unpacked loops for small products: row axpys when op(B)'s rows are contiguous, else dot products.</summary>
    internal static void Simple(StridedOperand<T> a, StridedOperand<T> b, T* c, nint ldc, int m, int k, int n)
    {
        int width = Vector<T>.Count;
        for (int i = 0; i < m; i++)
        {
            T* cRow = c + (i * ldc);
            if (b.ColumnStride == 1)
            {
                for (int p = 0; p < k; p++)
                {
                    T alpha = a[i, p];
                    T* bRow = b.Data + (p * b.RowStride);
                    int j = 0;
                    if (Vector.IsHardwareAccelerated)
                    {
                        var va = new Vector<T>(alpha);
                        for (; j <= n - width; j += width)
                        {
                            Vector.Store(Vector.Load(cRow + j) + (va * Vector.Load(bRow + j)), cRow + j);
                        }
                    }

                    for (; j < n; j++)
                    {
                        cRow[j] += alpha * bRow[j];
                    }
                }
            }
            else
            {
                for (int j = 0; j < n; j++)
                {
                    T sum = T.Zero;
                    int p = 0;
                    if (Vector.IsHardwareAccelerated && a.ColumnStride == 1 && b.RowStride == 1)
                    {
                        T* aRow = a.Data + (i * a.RowStride);
                        T* bColumn = b.Data + (j * b.ColumnStride);
                        var vs = Vector<T>.Zero;
                        for (; p <= k - width; p += width)
                        {
                            vs += Vector.Load(aRow + p) * Vector.Load(bColumn + p);
                        }

                        sum = Vector.Sum(vs);
                    }

                    for (; p < k; p++)
                    {
                        sum += a[i, p] * b[p, j];
                    }

                    cRow[j] += sum;
                }
            }
        }
    }

    /// <summary>One thread's blocked product of its slab: C (m×n, leading dimension ldc) += op(A)·op(B).</summary>
    internal static void Blocked(StridedOperand<T> a, StridedOperand<T> b, T* c, nint ldc, int m, int k, int n, T* packedB = null)
    {
        int nr = NR;
        int nc = NC;
        int mcMax = MC;
        int blockColumns = Math.Min(nc, RoundUp(n, nr));
        var workspace = PackingWorkspace.Rent();
        try
        {
            T* packA = Buffer(ref workspace.A, mcMax * KC);
            T* packB = Buffer(ref workspace.B, KC * blockColumns);
            Blocked(a, b, c, ldc, m, k, n, packA, packB, packedB);
        }
        finally
        {
            PackingWorkspace.Return(workspace);
        }
    }

    private static void Blocked(StridedOperand<T> a, StridedOperand<T> b, T* c, nint ldc, int m, int k, int n, T* packA, T* packB, T* packedB)
    {
        // The micro-kernels' edge tiles spill here. A stack buffer inside a kernel (zeroed, stack-guarded) made the JIT
        // write every accumulator back to the stack after each multiply-add whenever it compiled without a profile —
        // Native AOT, or TieredPGO off: products 2.5–4× slower.
        T* spill = stackalloc T[MR * 2 * Vector512<T>.Count];
        int nr = NR;
        int nc = NC;
        int mcMax = MC;

        // Few columns (an MLP's 25 hidden units, a model's 10 classes): packing A would copy all of it — a full extra
        // pass over the data — for one or two sweeps of the micro-kernel. Row-major A is then read where it lies.
        // Likewise few rows (the gradient δᵀ·X): row-major B's full-width panels are read where they lie.
        bool rowsInPlace = a.ColumnStride == 1 && n <= 2 * nr;
        bool columnsInPlace = !rowsInPlace && packedB == null && b.ColumnStride == 1 && m <= InPlaceRows;
        int height = TileHeight(m);
        for (int jc = 0; jc < n; jc += nc)
        {
            int ncCur = Math.Min(nc, n - jc);
            for (int pc = 0; pc < k; pc += KC)
            {
                int kc = Math.Min(KC, k - pc);
                T* bBlock = packB;
                if (packedB != null)
                {
                    bBlock = PackedBlock(packedB, k, jc, pc, ncCur);
                }
                else if (!columnsInPlace)
                {
                    PackB(b.Offset(pc, jc), kc, ncCur, packB);
                }

                for (int ic = 0; ic < m; ic += mcMax)
                {
                    int mc = Math.Min(mcMax, m - ic);
                    if (!rowsInPlace)
                    {
                        PackA(a.Offset(ic, pc), mc, kc, height, packA);
                    }

                    for (int jr = 0; jr < ncCur; jr += nr)
                    {
                        int nrCur = Math.Min(nr, ncCur - jr);
                        T* bPanel = bBlock + ((nint)jr * kc);
                        nint bStride = nr;
                        if (columnsInPlace && nrCur == nr)
                        {
                            var panel = b.Offset(pc, jc + jr);
                            bPanel = panel.Data;
                            bStride = panel.RowStride;
                        }
                        else if (columnsInPlace)
                        {
                            // A narrower last panel would read past its row: that one is packed (zero-padded).
                            PackB(b.Offset(pc, jc + jr), kc, nrCur, bPanel);
                        }

                        T* cColumn = c + ((nint)ic * ldc) + jc + jr;
                        for (int ir = 0; ir < mc; ir += height)
                        {
                            int mrCur = Math.Min(height, mc - ir);
                            T* cTile = cColumn + ((nint)ir * ldc);
                            // A packed panel interleaves its rows (depth steps `height` apart); A in place has whole rows.
                            T* aTile = rowsInPlace ? a.Offset(ic + ir, pc).Data : packA + ((nint)ir * kc);
                            nint aRowStride = rowsInPlace ? a.RowStride : 1;
                            nint aDepthStride = rowsInPlace ? 1 : height;
                            if (Vector512.IsHardwareAccelerated && height == MR)
                            {
                                MicroKernel512<SixRows>(kc, aTile, aRowStride, aDepthStride, bPanel, bStride, cTile, ldc, mrCur, nrCur, spill);
                            }
                            else if (Vector512.IsHardwareAccelerated)
                            {
                                MicroKernel512<FiveRows>(kc, aTile, aRowStride, aDepthStride, bPanel, bStride, cTile, ldc, mrCur, nrCur, spill);
                            }
                            else if (height == MR)
                            {
                                MicroKernel256<SixRows>(kc, aTile, aRowStride, aDepthStride, bPanel, bStride, cTile, ldc, mrCur, nrCur, spill);
                            }
                            else
                            {
                                MicroKernel256<FiveRows>(kc, aTile, aRowStride, aDepthStride, bPanel, bStride, cTile, ldc, mrCur, nrCur, spill);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Packs an mc×kc block of op(A) into panels <paramref name="height"/> rows tall, each laid out p-major: panel[p·height + r]; short panels are zero-padded.</summary>
    private static void PackA(StridedOperand<T> a, int mc, int kc, int height, T* destination)
    {
        for (int ir = 0; ir < mc; ir += height)
        {
            int rows = Math.Min(height, mc - ir);
            T* panel = destination + ((nint)ir * kc);
            if (a.ColumnStride == 1)
            {
                // Row-major A: read each row contiguously, write with stride height.
                for (int r = 0; r < rows; r++)
                {
                    T* source = a.Data + ((ir + r) * a.RowStride);
                    for (int p = 0; p < kc; p++)
                    {
                        panel[(p * height) + r] = source[p];
                    }
                }
            }
            else
            {
                for (int p = 0; p < kc; p++)
                {
                    for (int r = 0; r < rows; r++)
                    {
                        panel[(p * height) + r] = a[ir + r, p];
                    }
                }
            }

            for (int r = rows; r < height; r++)
            {
                for (int p = 0; p < kc; p++)
                {
                    panel[(p * height) + r] = T.Zero;
                }
            }
        }
    }

    /// <summary>Packs a kc×nc block of op(B) into NR-wide panels, each laid out p-major: panel[p·NR + j]; short panels are zero-padded.</summary>
    private static void PackB(StridedOperand<T> b, int kc, int nc, T* destination)
    {
        int nr = NR;
        for (int jr = 0; jr < nc; jr += nr)
        {
            int columns = Math.Min(nr, nc - jr);
            T* panel = destination + ((nint)jr * kc);
            if (b.ColumnStride == 1)
            {
                // Row-major B: each panel row is a contiguous copy.
                for (int p = 0; p < kc; p++)
                {
                    T* source = b.Data + (p * b.RowStride) + jr;
                    T* target = panel + (p * nr);
                    new ReadOnlySpan<T>(source, columns).CopyTo(new Span<T>(target, columns));
                    new Span<T>(target + columns, nr - columns).Clear();
                }
            }
            else
            {
                // Transposed B (A·Bᵀ): each column of op(B) is contiguous in memory; read along it.
                for (int j = 0; j < columns; j++)
                {
                    T* source = b.Data + ((jr + j) * b.ColumnStride);
                    for (int p = 0; p < kc; p++)
                    {
                        panel[(p * nr) + j] = source[p * b.RowStride];
                    }
                }

                for (int p = 0; p < kc; p++)
                {
                    new Span<T>(panel + (p * nr) + columns, nr - columns).Clear();
                }
            }
        }
    }

    /// <summary>C[0..mr, 0..nr] += A·Bpanel with a 6 (or 5) × (2·Vector512) register tile. A's rows lie
    /// <paramref name="aRowStride"/> apart and its depth steps <paramref name="aDepthStride"/> apart (a packed panel
    /// or A in place); B's rows lie <paramref name="bStride"/> apart (NR when packed, B's row stride in place).</summary>
    private static void MicroKernel512<THeight>(int kc, T* a, nint aRowStride, nint aDepthStride, T* b, nint bStride, T* c, nint ldc, int mr, int nr, T* tile)
        where THeight : struct, ITileHeight
    {
        int w = Vector512<T>.Count;
        Vector512<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        PrefetchTile(c, ldc, mr, nr * sizeof(T));
        // A short tile repeats its last row (its results are never stored), so no row pointer leaves A.
        T* a0 = a, a1 = a + (Math.Min(1, mr - 1) * aRowStride), a2 = a + (Math.Min(2, mr - 1) * aRowStride);
        T* a3 = a + (Math.Min(3, mr - 1) * aRowStride), a4 = a + (Math.Min(4, mr - 1) * aRowStride), a5 = a + (Math.Min(5, mr - 1) * aRowStride);
        nint depth = 0;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + w);
            var ai = Vector512.Create(a0[depth]);
            c00 = Fma(ai, b0, c00);
            c01 = Fma(ai, b1, c01);
            ai = Vector512.Create(a1[depth]);
            c10 = Fma(ai, b0, c10);
            c11 = Fma(ai, b1, c11);
            ai = Vector512.Create(a2[depth]);
            c20 = Fma(ai, b0, c20);
            c21 = Fma(ai, b1, c21);
            ai = Vector512.Create(a3[depth]);
            c30 = Fma(ai, b0, c30);
            c31 = Fma(ai, b1, c31);
            ai = Vector512.Create(a4[depth]);
            c40 = Fma(ai, b0, c40);
            c41 = Fma(ai, b1, c41);
            if (THeight.Rows == 6)
            {
                ai = Vector512.Create(a5[depth]);
                c50 = Fma(ai, b0, c50);
                c51 = Fma(ai, b1, c51);
            }

            depth += aDepthStride;
            b += bStride;
        }

        if (mr == THeight.Rows && nr == 2 * w)
        {
            AddTo(c, w, c00, c01);
            AddTo(c + ldc, w, c10, c11);
            AddTo(c + (2 * ldc), w, c20, c21);
            AddTo(c + (3 * ldc), w, c30, c31);
            AddTo(c + (4 * ldc), w, c40, c41);
            if (THeight.Rows == 6)
            {
                AddTo(c + (5 * ldc), w, c50, c51);
            }

            return;
        }

        // Edge tile: spill the accumulators into the caller's buffer, then add only the rows and columns that exist.
        int stride = 2 * w;
        c00.Store(tile);
        c01.Store(tile + w);
        c10.Store(tile + stride);
        c11.Store(tile + stride + w);
        c20.Store(tile + (2 * stride));
        c21.Store(tile + (2 * stride) + w);
        c30.Store(tile + (3 * stride));
        c31.Store(tile + (3 * stride) + w);
        c40.Store(tile + (4 * stride));
        c41.Store(tile + (4 * stride) + w);
        c50.Store(tile + (5 * stride));
        c51.Store(tile + (5 * stride) + w);
        AddEdge(tile, stride, c, ldc, mr, nr);
    }

    /// <summary><see cref="MicroKernel512"/> with a 6 × (2·Vector256) register tile.</summary>
    private static void MicroKernel256<THeight>(int kc, T* a, nint aRowStride, nint aDepthStride, T* b, nint bStride, T* c, nint ldc, int mr, int nr, T* tile)
        where THeight : struct, ITileHeight
    {
        int w = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        PrefetchTile(c, ldc, mr, nr * sizeof(T));
        // A short tile repeats its last row (its results are never stored), so no row pointer leaves A.
        T* a0 = a, a1 = a + (Math.Min(1, mr - 1) * aRowStride), a2 = a + (Math.Min(2, mr - 1) * aRowStride);
        T* a3 = a + (Math.Min(3, mr - 1) * aRowStride), a4 = a + (Math.Min(4, mr - 1) * aRowStride), a5 = a + (Math.Min(5, mr - 1) * aRowStride);
        nint depth = 0;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + w);
            var ai = Vector256.Create(a0[depth]);
            c00 = Fma(ai, b0, c00);
            c01 = Fma(ai, b1, c01);
            ai = Vector256.Create(a1[depth]);
            c10 = Fma(ai, b0, c10);
            c11 = Fma(ai, b1, c11);
            ai = Vector256.Create(a2[depth]);
            c20 = Fma(ai, b0, c20);
            c21 = Fma(ai, b1, c21);
            ai = Vector256.Create(a3[depth]);
            c30 = Fma(ai, b0, c30);
            c31 = Fma(ai, b1, c31);
            ai = Vector256.Create(a4[depth]);
            c40 = Fma(ai, b0, c40);
            c41 = Fma(ai, b1, c41);
            if (THeight.Rows == 6)
            {
                ai = Vector256.Create(a5[depth]);
                c50 = Fma(ai, b0, c50);
                c51 = Fma(ai, b1, c51);
            }

            depth += aDepthStride;
            b += bStride;
        }

        if (mr == THeight.Rows && nr == 2 * w)
        {
            AddTo(c, w, c00, c01);
            AddTo(c + ldc, w, c10, c11);
            AddTo(c + (2 * ldc), w, c20, c21);
            AddTo(c + (3 * ldc), w, c30, c31);
            AddTo(c + (4 * ldc), w, c40, c41);
            if (THeight.Rows == 6)
            {
                AddTo(c + (5 * ldc), w, c50, c51);
            }

            return;
        }

        int stride = 2 * w;
        c00.Store(tile);
        c01.Store(tile + w);
        c10.Store(tile + stride);
        c11.Store(tile + stride + w);
        c20.Store(tile + (2 * stride));
        c21.Store(tile + (2 * stride) + w);
        c30.Store(tile + (3 * stride));
        c31.Store(tile + (3 * stride) + w);
        c40.Store(tile + (4 * stride));
        c41.Store(tile + (4 * stride) + w);
        c50.Store(tile + (5 * stride));
        c51.Store(tile + (5 * stride) + w);
        AddEdge(tile, stride, c, ldc, mr, nr);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(T* c, int w, Vector512<T> left, Vector512<T> right)
    {
        (Vector512.Load(c) + left).Store(c);
        (Vector512.Load(c + w) + right).Store(c + w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(T* c, int w, Vector256<T> left, Vector256<T> right)
    {
        (Vector256.Load(c) + left).Store(c);
        (Vector256.Load(c + w) + right).Store(c + w);
    }

    /// <summary>
    /// Asks for the C tile before the k loop starts: once C outgrows the caches each row would otherwise be a
    /// memory-latency stall at the end of every micro-kernel call (measured ≈20 % at 2048² double).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchTile(T* c, nint ldc, int rows, int rowBytes)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        for (int r = 0; r < rows; r++)
        {
            byte* row = (byte*)(c + (r * ldc));
            for (int offset = 0; offset < rowBytes; offset += 64)
            {
                Sse.Prefetch0(row + offset);
            }

            Sse.Prefetch0(row + rowBytes - 1);
        }
    }

    private static void AddEdge(T* tile, int stride, T* c, nint ldc, int mr, int nr)
    {
        for (int r = 0; r < mr; r++)
        {
            for (int j = 0; j < nr; j++)
            {
                c[(r * ldc) + j] += tile[(r * stride) + j];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma(Vector512<T> x, Vector512<T> y, Vector512<T> accumulator)
    {
        if (typeof(T) == typeof(double))
        {
            return Vector512.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), accumulator.AsDouble()).As<double, T>();
        }

        return Vector512.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), accumulator.AsSingle()).As<float, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma(Vector256<T> x, Vector256<T> y, Vector256<T> accumulator)
    {
        if (typeof(T) == typeof(double))
        {
            return Vector256.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), accumulator.AsDouble()).As<double, T>();
        }

        return Vector256.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), accumulator.AsSingle()).As<float, T>();
    }

    /// <summary>The height of a micro-kernel's register tile as a type, so the JIT compiles one kernel per height with the sixth row's code gone from the five-row one.</summary>
    private interface ITileHeight
    {
        static abstract int Rows { get; }
    }

    private readonly struct SixRows : ITileHeight
    {
        public static int Rows => MR;
    }

    private readonly struct FiveRows : ITileHeight
    {
        public static int Rows => 5;
    }

    /// <summary>
    /// Rows of the register tiles for a block of m rows: five when so few rows split better in fives (the 25 hidden
    /// units or 10 classes of a gradient δᵀ·X: 6+6+6+6+1 computes 30 rows for 25, five-row tiles exactly 25), else
    /// six (fewer loads per multiply-add).
    /// </summary>
    private static int TileHeight(int m) => m <= 60 && RoundUp(m, 5) < RoundUp(m, MR) ? 5 : MR;

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    /// <summary>A packing buffer of at least <paramref name="length"/> elements, 64-byte aligned.
    /// Pinned (on the pinned-object heap) so the raw pointer stays valid; grown, never shrunk.</summary>
    internal static T* Buffer(ref T[]? buffer, int length)
    {
        int padded = length + (BufferAlignment / sizeof(T));
        if (buffer is null || buffer.Length < padded)
        {
            buffer = GC.AllocateUninitializedArray<T>(padded, pinned: true);
        }

        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (T*)((address + BufferAlignment - 1) & ~(nint)(BufferAlignment - 1));
    }
}
