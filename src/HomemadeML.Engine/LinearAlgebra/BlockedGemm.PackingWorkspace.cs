namespace HomemadeML.Engine.LinearAlgebra;

internal static unsafe partial class BlockedGemm<T>
{
    /// <summary>
    /// The two packing buffers one worker needs (≈2.3 MB pinned), kept in a small shared pool rather than per
    /// thread: thread-pool threads come and go, and per-thread buffers would pin memory on every one of them.
    /// A call rents one workspace per running slab and returns it; when the pool is empty a new one is made,
    /// and a surplus one is dropped for the GC.
    /// </summary>
    private sealed class PackingWorkspace
    {
        private static readonly PackingWorkspace?[] s_pool = new PackingWorkspace?[Environment.ProcessorCount + 1];

        public T[]? A;
        public T[]? B;

        public static PackingWorkspace Rent()
        {
            for (int i = 0; i < s_pool.Length; i++)
            {
                var workspace = Interlocked.Exchange(ref s_pool[i], null);
                if (workspace is not null)
                {
                    return workspace;
                }
            }

            return new PackingWorkspace();
        }

        public static void Return(PackingWorkspace workspace)
        {
            for (int i = 0; i < s_pool.Length; i++)
            {
                if (Interlocked.CompareExchange(ref s_pool[i], workspace, null) is null)
                {
                    return;
                }
            }
        }
    }
}
