using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HomemadeML.Skill.Tests.Hardening;

/// <summary>
/// Issue #8: a client that goes away mid-run. Over stdio the server must exit (its stdin closed is how a dying client
/// looks from the child); over HTTP an aborted request must stop its training (CPU stops rising) and the server go on.
/// </summary>
[Collection(nameof(Measurements))]
public sealed class DisconnectTests
{
    [Fact]
    public async Task Stdio_ClientClosesStdinMidRun_TheServerExitsWithinSeconds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ChildServer.StartAsync(ct);
        var (call, cancellation) = await CancellationTests.StartLongRunAsync(server.Client, ct);
        using (cancellation)
        {
            var busy = await CancellationTests.CpuOverAsync(server, TimeSpan.FromMilliseconds(300), ct);
            Assert.True(busy >= TimeSpan.FromMilliseconds(100), $"the long run should keep a core busy; it used {busy.TotalMilliseconds} ms of CPU in 300 ms");

            var clock = Stopwatch.StartNew();
            server.Process.StandardInput.Close(); // what the child sees when its client process dies
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                await server.Process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // Reported below.
            }

            var exitTime = clock.Elapsed;
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"disconnect (stdio): stdin closed mid-run; the server {(server.Process.HasExited ? $"exited with code {server.Process.ExitCode}" : "was still running")} after {exitTime.TotalMilliseconds:F0} ms"));
            Assert.True(server.Process.HasExited, $"the server was still running {exitTime.TotalSeconds:F1} s after its stdin closed; stderr: {server.Stderr}");
            Assert.True(exitTime <= TimeSpan.FromSeconds(3), $"the server took {exitTime.TotalSeconds:F1} s to exit");
            await Assert.ThrowsAnyAsync<Exception>(() => call);
        }
    }

    [Fact]
    public async Task Http_RequestAbortedMidRun_TheTrainingStopsAndTheServerGoesOn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await HttpChildServer.StartAsync(ct);
        // No draining of an unfinished response on dispose: the connection closes as when a client process dies.
        using var http = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 });
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var request = server.Post("""
            {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"run_example","_meta":{"progressToken":"p1"},
             "arguments":{"algorithm":"multilayer-perceptron","dataset":"digits","hyperparameters":{"hidden_layers":[100],"iterations":100000}}}}
            """.ReplaceLineEndings(" "));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, aborted.Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(aborted.Token), Encoding.UTF8);
        while (await reader.ReadLineAsync(aborted.Token).AsTask().WaitAsync(TimeSpan.FromSeconds(30), ct) is { } line
            && !line.Contains("notifications/progress", StringComparison.Ordinal))
        {
            // Skip SSE framing until the first progress notification.
        }

        var busy = await CpuOverAsync(server, TimeSpan.FromMilliseconds(300), ct);
        Assert.True(busy >= TimeSpan.FromMilliseconds(100), $"the long run should keep a core busy; it used {busy.TotalMilliseconds} ms of CPU in 300 ms");

        await aborted.CancelAsync();
        response.Dispose();
        http.Dispose(); // closes the connection mid-response
        var samples = await ProcStats.SampleAsync(() => server.CpuTime, TimeSpan.FromSeconds(2), ct);
        var stopped = ProcStats.FirstQuiet(samples, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100));
        var quiet = ProcStats.FirstQuiet(samples, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(100));

        await using var client = await server.ConnectAsync(ct);
        var next = await client.CallToolAsync("run_example", CancellationTests.Cheap, cancellationToken: ct);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"disconnect (http): request aborted mid-run; the training stopped {Ms(stopped)} after the abort, all quiet after {Ms(quiet)} (busy before: {busy.TotalMilliseconds:F0} ms CPU per 300 ms); the next call {(next.IsError == true ? "failed" : "worked")}"));
        Assert.True(stopped is { } s && s <= TimeSpan.FromMilliseconds(1000), $"the training went on after the abort: {Ms(stopped)}");
        Assert.NotEqual(true, next.IsError);
        Assert.False(server.Process.HasExited);
    }

    private static async Task<TimeSpan> CpuOverAsync(HttpChildServer server, TimeSpan span, CancellationToken cancellationToken)
    {
        var before = server.CpuTime;
        await Task.Delay(span, cancellationToken);
        return server.CpuTime - before;
    }

    private static string Ms(TimeSpan? time) => time is { } t ? $"{t.TotalMilliseconds:F0} ms" : "never within 2 s";
}
