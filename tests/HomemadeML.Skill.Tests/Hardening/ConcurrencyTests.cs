using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace HomemadeML.Skill.Tests.Hardening;

/// <summary>
/// Issue #8: 100 run_example calls at once, over stdio and over HTTP, against the real server process. Each result
/// (minus timing and chart links) must equal the same call made alone. The server runs at most
/// <c>MaxConcurrentTrainings</c> (default: one per core) trainings at a time and queues the rest — it rejects none —
/// which the test checks from the measured training times: their sum cannot exceed the cap × the wall time.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Calls = 100;
    private const int Cap = 2;

    /// <summary>100 small, varied runs: every algorithm, several datasets, ten seeds.</summary>
    private static List<Dictionary<string, JsonElement>> Mix()
    {
        string[] shapes =
        [
            """{"algorithm":"linear-regression","dataset":"noisy-line","hyperparameters":{"iterations":200}}""",
            """{"algorithm":"linear-regression","dataset":"nonlinear-curve","hyperparameters":{"iterations":100,"polynomial_degree":3}}""",
            """{"algorithm":"logistic-regression","dataset":"iris","hyperparameters":{"iterations":30}}""",
            """{"algorithm":"logistic-regression","dataset":"microchips","hyperparameters":{"iterations":30,"polynomial_degree":4}}""",
            """{"algorithm":"multilayer-perceptron","dataset":"iris","hyperparameters":{"iterations":40,"hidden_layers":[8]}}""",
            """{"algorithm":"multilayer-perceptron","dataset":"digits","hyperparameters":{"iterations":10,"hidden_layers":[16]}}""",
            """{"algorithm":"k-means","dataset":"blobs","hyperparameters":{"iterations":10}}""",
            """{"algorithm":"k-means","dataset":"digits","hyperparameters":{"iterations":5,"init":"kmeans++"}}""",
            """{"algorithm":"anomaly-detection","dataset":"server-metrics"}""",
            """{"algorithm":"anomaly-detection","dataset":"server-metrics","hyperparameters":{"full_covariance":true}}""",
        ];
        return [.. Enumerable.Range(0, Calls).Select(i =>
        {
            var arguments = Results.Arguments(shapes[i % shapes.Length]);
            arguments["seed"] = JsonSerializer.SerializeToElement(i / shapes.Length);
            return arguments;
        })];
    }

    [Fact]
    public async Task Stdio_100ConcurrentRuns_EachEqualsTheSameCallAloneAndBeyondTheCapTheyQueue()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ChildServer.StartAsync(ct, "--max-concurrent-trainings", Cap.ToString(CultureInfo.InvariantCulture));
        await RunAsync("stdio", server.Client, server.Client, ct);
        Assert.False(server.Process.HasExited, server.Stderr);
    }

    [Fact]
    public async Task Http_100ConcurrentRuns_EachEqualsTheSameCallAloneAndBeyondTheCapTheyQueue()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await HttpChildServer.StartAsync(ct, "--max-concurrent-trainings", Cap.ToString(CultureInfo.InvariantCulture));
        await using var client = await server.ConnectAsync(ct);
        await RunAsync("http", client, client, ct);
        Assert.False(server.Process.HasExited);
    }

    private static async Task RunAsync(string transport, McpClient alone, McpClient together, CancellationToken ct)
    {
        var mix = Mix();
        var expected = new List<string>();
        var aloneClock = Stopwatch.StartNew();
        foreach (var arguments in mix)
        {
            var result = await alone.CallToolAsync(new CallToolRequestParams { Name = "run_example", Arguments = arguments }, ct);
            Assert.True(result.IsError != true, Results.Text(result));
            expected.Add(Results.Stable(result));
        }

        var aloneTime = aloneClock.Elapsed;
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(mix.Select(arguments => together.CallToolAsync(new CallToolRequestParams { Name = "run_example", Arguments = arguments }, ct).AsTask()));
        var wall = clock.Elapsed;

        var differing = Enumerable.Range(0, Calls).Where(i => results[i].IsError == true || Results.Stable(results[i]) != expected[i]).ToList();
        double trainingMs = results.Where(r => r.IsError != true).Sum(r => r.StructuredContent!.Value.GetProperty("training_ms").GetDouble());
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"concurrency ({transport}): {Calls} concurrent run_example calls in {wall.TotalSeconds:F2} s wall (the same calls one by one: {aloneTime.TotalSeconds:F2} s); " +
            $"{Calls - differing.Count} equal the call made alone, {results.Count(r => r.IsError == true)} errors; sum of training_ms {trainingMs / 1000:F2} s ≤ cap {Cap} × wall {wall.TotalSeconds:F2} s"));
        Assert.True(differing.Count == 0, $"{differing.Count} results differ from the call made alone, e.g. call {differing.FirstOrDefault()}: {(differing.Count > 0 ? Results.Text(results[differing[0]]) : "")}");
        // At most Cap trainings run at once, so their measured time cannot add up to more than Cap × the wall time (+ timer slack).
        Assert.True(trainingMs <= (Cap * wall.TotalMilliseconds) + 50, $"Σ training_ms {trainingMs:F0} > {Cap} × {wall.TotalMilliseconds:F0}: more than {Cap} trainings ran at once");
    }
}
