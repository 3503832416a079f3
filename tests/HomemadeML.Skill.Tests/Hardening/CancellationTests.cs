using System.Diagnostics;
using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace HomemadeML.Skill.Tests.Hardening;

/// <summary>
/// Issue #8: cancelling a long run_example (the SDK client sends notifications/cancelled when the token passed to
/// CallToolAsync fires) must stop the training at once: the child's CPU time stops rising, the training slot is free
/// for the next call, and the run's memory is released.
/// </summary>
[Collection(nameof(Measurements))]
public sealed class CancellationTests
{
    /// <summary>A run that would take minutes: a 100-unit network on the 8×8 digits, full batch, 100,000 epochs.</summary>
    internal static readonly Dictionary<string, object?> LongRun = Arguments("""{"algorithm":"multilayer-perceptron","dataset":"digits","hyperparameters":{"hidden_layers":[100],"iterations":100000}}""");

    internal static readonly Dictionary<string, object?> Cheap = Arguments("""{"algorithm":"k-means","dataset":"iris","seed":1}""");

    internal static Dictionary<string, object?> Arguments(string json) => Results.Arguments(json).ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);

    [Fact]
    public async Task Stdio_CancelALongRun_TheServerStopsWithin500MsAndTheNextCallWorks()
    {
        var ct = TestContext.Current.CancellationToken;
        // One training slot: the next run can only start once the cancelled one has let go of it.
        await using var server = await ChildServer.StartAsync(ct, "--max-concurrent-trainings", "1");
        var expected = Results.Stable(await server.Client.CallToolAsync("run_example", Cheap, cancellationToken: ct));

        // The first cancel in a fresh process is the hard case (thread pool and JIT still cold); the second is the steady state.
        var first = await CancelAndMeasureAsync(server, expected, ct);
        var second = await CancelAndMeasureAsync(server, expected, ct);

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cancellation (stdio): the training stopped (under half a core over the next 200 ms; 10 ms clock ticks) {first.Stopped.TotalMilliseconds:F0} ms after the cancel, {second.Stopped.TotalMilliseconds:F0} ms the second time; " +
            $"all quiet (< 20 % of a core over 500 ms, after the SDK logs the cancelled request) after {first.Quiet.TotalMilliseconds:F0} / {second.Quiet.TotalMilliseconds:F0} ms; " +
            $"the next run_example, which needs the only training slot, answered after {first.Next.TotalMilliseconds:F0} / {second.Next.TotalMilliseconds:F0} ms; " +
            $"busy before the cancel: {first.Busy.TotalMilliseconds:F0} ms of CPU per 300 ms"));
        foreach (var (name, m) in new[] { ("first", first), ("second", second) })
        {
            Assert.True(m.Stopped <= TimeSpan.FromMilliseconds(500), $"{name} cancel: the training went on {m.Stopped.TotalMilliseconds} ms (target 100 ms)");
            Assert.True(m.Next <= TimeSpan.FromMilliseconds(500), $"{name} cancel: the next call took {m.Next.TotalMilliseconds} ms");
            Assert.True(m.Quiet <= TimeSpan.FromMilliseconds(1500), $"{name} cancel: the process was busy for {m.Quiet.TotalMilliseconds} ms");
        }

        Assert.False(server.Process.HasExited, server.Stderr);
    }

    /// <summary>
    /// Starts the long run, cancels it after its first progress, and meanwhile samples the child's CPU time and times a
    /// cheap run that needs the training slot the cancelled run holds.
    /// </summary>
    private static async Task<(TimeSpan Stopped, TimeSpan Quiet, TimeSpan Next, TimeSpan Busy)> CancelAndMeasureAsync(ChildServer server, string expected, CancellationToken ct)
    {
        var (call, cancellation) = await StartLongRunAsync(server.Client, ct);
        using (cancellation)
        {
            var busy = await CpuOverAsync(server, TimeSpan.FromMilliseconds(300), ct);
            Assert.True(busy >= TimeSpan.FromMilliseconds(100), $"the long run should keep a core busy; it used {busy.TotalMilliseconds} ms of CPU in 300 ms");
            var clock = Stopwatch.StartNew();
            await cancellation.CancelAsync();
            var sampling = ProcStats.SampleAsync(() => server.CpuTime, TimeSpan.FromSeconds(2), ct);
            var next = await server.Client.CallToolAsync("run_example", Cheap, cancellationToken: ct);
            var nextLatency = clock.Elapsed;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.NotEqual(true, next.IsError);
            Assert.Equal(expected, Results.Stable(next));
            var samples = await sampling;
            // Training keeps ≥ 1 core busy; "stopped" is the first 200 ms with less than 100 ms of CPU. The SDK then logs the
            // cancelled request with its stack trace (a short burst), so "quiet" is the first 500 ms with less than 100 ms.
            var stopped = ProcStats.FirstQuiet(samples, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100)) ?? TimeSpan.MaxValue;
            var quiet = ProcStats.FirstQuiet(samples, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(100)) ?? TimeSpan.MaxValue;
            return (stopped, quiet, nextLatency, busy);
        }
    }

    /// <summary>Starts <see cref="LongRun"/> and returns once its first progress notification arrived.</summary>
    internal static async Task<(Task Call, CancellationTokenSource Cancellation)> StartLongRunAsync(McpClient client, CancellationToken cancellationToken)
    {
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = client.CallToolAsync("run_example", LongRun, new FirstProgress(started), cancellationToken: cancellation.Token).AsTask();
        _ = call.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        await Task.WhenAny(started.Task, call).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        Assert.False(call.IsCompleted, "the long run ended before its first progress notification");
        return (call, cancellation);
    }

    internal static async Task<TimeSpan> CpuOverAsync(ChildServer server, TimeSpan span, CancellationToken cancellationToken)
    {
        var before = server.CpuTime;
        await Task.Delay(span, cancellationToken);
        return server.CpuTime - before;
    }

    internal sealed class FirstProgress(TaskCompletionSource started) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => started.TrySetResult();
    }
}

/// <summary>Cancelling an in-memory run: the managed memory it held is released.</summary>
[Collection(nameof(Measurements))]
public sealed class CancellationMemoryTests : SkillTestBase
{
    [Fact]
    public async Task InMemory_CancelALongRun_ItsMemoryIsReleasedAndTheNextCallWorks()
    {
        var ct = TestContext.Current.CancellationToken;
        await CallAsync("run_example", CancellationTests.Cheap); // warm up: JIT, lesson and dataset caches
        long before = SettledMemory();

        // Two wide layers, so the run holds tens of MB: a million weights (8.6 MB), kept as weights, gradients, the
        // previous step and a partial gradient per chunk of rows.
        var wide = CancellationTests.Arguments("""{"algorithm":"multilayer-perceptron","dataset":"digits","hyperparameters":{"hidden_layers":[1000,1000],"iterations":100000}}""");
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var call = CallCancellableAsync("run_example", wide, new CancellationTests.FirstProgress(started), cancellation.Token);
        await Task.WhenAny(started.Task, call).WaitAsync(TimeSpan.FromSeconds(30), ct);
        Assert.False(call.IsCompleted, "the long run ended before its first progress notification");
        long during = GC.GetTotalMemory(forceFullCollection: true);

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        // The client stops waiting at once; give the server's training loop a moment to see the token and unwind.
        long after = 0;
        for (int attempt = 0; attempt < 20; attempt++)
        {
            await Task.Delay(50, ct);
            after = SettledMemory();
            if (after - before < 8 * 1024 * 1024)
            {
                break;
            }
        }

        var next = await CallAsync("run_example", CancellationTests.Cheap);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cancellation memory (in-memory): managed heap {before / 1048576.0:F1} MB before, {during / 1048576.0:F1} MB during the run, {after / 1048576.0:F1} MB after the cancel"));
        Assert.True(during - before > 20 * 1024 * 1024, $"the run should hold tens of MB; it held {(during - before) / 1048576.0:F1} MB");
        Assert.True(after - before < 8 * 1024 * 1024, $"{(after - before) / 1048576.0:F1} MB still held after the cancel");
        Assert.NotEqual(true, next.IsError);
    }

    private static long SettledMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
