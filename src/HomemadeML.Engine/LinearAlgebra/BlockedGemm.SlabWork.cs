using System.Runtime.ExceptionServices;

namespace HomemadeML.Engine.LinearAlgebra;

internal static unsafe partial class BlockedGemm<T>
{
    /// <summary>
    /// Fork-join over the slabs of C without allocating per call (Parallel.For costs ≈1.7 KB of tasks and closures
    /// each time, and training calls this every iteration). Slabs are claimed from a shared counter: the caller
    /// works too, so if the pool is busy the caller simply does every slab itself and never waits on a worker
    /// that has not started. The work object is cached per calling thread and reused only once no worker from
    /// the previous call is still inside it.
    /// </summary>
    private sealed class SlabWork : IThreadPoolWorkItem
    {
        [ThreadStatic]
        private static SlabWork? t_cached;

        private readonly ManualResetEventSlim _done = new(initialState: false);
        private StridedOperand<T> _a;
        private StridedOperand<T> _b;
        private nint _c;
        private nint _packedB;
        private int _m, _k, _n, _slab, _slabs;
        private bool _splitRows;
        private int _nextSlab;
        private int _unfinished;
        private int _activeWorkers;
        private Exception? _error;

        public static void Run(StridedOperand<T> a, StridedOperand<T> b, T* c, int m, int k, int n, bool splitRows, int slab, int slabs, T* packedB)
        {
            var work = t_cached;

            // A worker of the previous call may still be between its last slab and leaving; give it a moment.
            var spin = default(SpinWait);
            while (work is not null && Volatile.Read(ref work._activeWorkers) != 0 && spin.Count < 20)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }

            if (work is null || Volatile.Read(ref work._activeWorkers) != 0)
            {
                work = new SlabWork();
                t_cached = work;
            }

            work._a = a;
            work._b = b;
            work._c = (nint)c;
            work._packedB = (nint)packedB;
            (work._m, work._k, work._n, work._splitRows, work._slab, work._slabs) = (m, k, n, splitRows, slab, slabs);
            work._error = null;
            work._nextSlab = 0;
            work._unfinished = slabs;
            work._activeWorkers = slabs - 1;
            work._done.Reset();
            Interlocked.MemoryBarrier();
            for (int i = 1; i < slabs; i++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
            }

            work.Drain();
            if (Volatile.Read(ref work._unfinished) != 0)
            {
                work._done.Wait();
            }

            if (work._error is { } error)
            {
                ExceptionDispatchInfo.Throw(error);
            }
        }

        public void Execute()
        {
            try
            {
                Drain();
            }
            finally
            {
                Interlocked.Decrement(ref _activeWorkers);
            }
        }

        private void Drain()
        {
            int index;
            while ((index = Interlocked.Increment(ref _nextSlab) - 1) < _slabs)
            {
                try
                {
                    RunSlab(_a, _b, (T*)_c, _m, _k, _n, _splitRows, _slab, index, (T*)_packedB);
                }
                catch (Exception error)
                {
                    Interlocked.CompareExchange(ref _error, error, null);
                }

                if (Interlocked.Decrement(ref _unfinished) == 0)
                {
                    _done.Set();
                }
            }
        }
    }
}
