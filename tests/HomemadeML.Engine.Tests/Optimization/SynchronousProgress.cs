namespace HomemadeML.Engine.Tests.Optimization;

/// <summary>An IProgress that runs its handler on the reporting thread (Progress&lt;T&gt; would post it elsewhere).</summary>
internal sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
