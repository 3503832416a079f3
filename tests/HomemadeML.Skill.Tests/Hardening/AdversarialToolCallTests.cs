using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace HomemadeML.Skill.Tests.Hardening;

/// <summary>
/// Issue #8: thousands of hostile tools/call requests. None may crash or hang the server; every refusal must say
/// which argument or value is wrong; and a normal run between batches must still give the very same result.
/// </summary>
public sealed class AdversarialToolCallTests : SkillTestBase
{
    private const int Seed = 8;

    [Fact]
    public async Task InMemory_2400HostileCalls_NoCrashNoHangEveryRefusalIsSpecificAndRunsStayIdentical()
    {
        var ct = TestContext.Current.CancellationToken;
        var tools = await Client.ListToolsAsync(cancellationToken: ct);
        var cases = AdversarialCases.Generate(tools, 2400, Seed);
        Assert.True(cases.Count >= 2000, $"{cases.Count} cases");

        var tally = await AdversarialRun.RunAsync(Client, cases, batchSize: 100, health: () => null, ct);

        TestContext.Current.TestOutputHelper?.WriteLine(tally.Summary("in-memory"));
        Assert.True(tally.Failures.Count == 0, $"{tally.Summary("in-memory")}\n{string.Join("\n", tally.Failures.Take(40))}");
    }
}

/// <summary>The same generator against the real server process over stdio (a smaller, evenly spread sample).</summary>
public sealed class AdversarialStdioTests
{
    [Fact]
    public async Task Stdio_250HostileCalls_TheProcessSurvivesAndEveryRefusalIsSpecific()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ChildServer.StartAsync(ct);
        var tools = await server.Client.ListToolsAsync(cancellationToken: ct);
        var all = AdversarialCases.Generate(tools, 2400, seed: 8);
        // An even spread over the generated list, plus every kind that the spread might miss (few cases of it).
        int stride = all.Count / 240;
        var cases = all.Where((_, i) => i % stride == 0).Take(240)
            .Concat(all.GroupBy(c => c.Kind).Select(g => g.Last())).Distinct().ToList();
        Assert.True(cases.Count >= 200, $"{cases.Count} cases");

        var tally = await AdversarialRun.RunAsync(server.Client, cases, batchSize: 50,
            health: () => server.Process.HasExited ? $"the server exited with code {server.Process.ExitCode}; stderr: {server.Stderr}" : null, ct);

        TestContext.Current.TestOutputHelper?.WriteLine(tally.Summary("stdio"));
        Assert.False(server.Process.HasExited, server.Stderr);
        Assert.True(tally.Failures.Count == 0, $"{tally.Summary("stdio")}\n{string.Join("\n", tally.Failures.Take(40))}");
    }
}

/// <summary>Runs hostile cases through a client and counts what happened.</summary>
internal sealed class AdversarialRun
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    private static readonly Dictionary<string, object?> Normal = new() { ["algorithm"] = "linear-regression", ["seed"] = 7 };

    public int Calls { get; private set; }

    public int Succeeded { get; private set; }

    public int ToolErrors { get; private set; }

    public int ProtocolErrors { get; private set; }

    public int Unspecific { get; private set; }

    public int Hangs { get; private set; }

    public int Crashes { get; private set; }

    public int NormalRuns { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public (TimeSpan Time, string Case) Slowest { get; private set; }

    public List<string> Failures { get; } = [];

    public string Summary(string transport) => string.Create(CultureInfo.InvariantCulture,
        $"adversarial ({transport}): {Calls} calls in {Elapsed.TotalSeconds:F1} s — {Succeeded} succeeded, {ToolErrors} isError results, {ProtocolErrors} JSON-RPC errors, " +
        $"{Unspecific} unspecific errors, {Hangs} hangs (> {CallTimeout.TotalSeconds:F0} s), {Crashes} crashes; {NormalRuns} normal runs between batches all identical: {Failures.All(f => !f.StartsWith("normal run", StringComparison.Ordinal))}; " +
        $"slowest call {Slowest.Time.TotalMilliseconds:F0} ms: {Slowest.Case}");

    public static async Task<AdversarialRun> RunAsync(McpClient client, IReadOnlyList<AdversarialCase> cases, int batchSize, Func<string?> health, CancellationToken cancellationToken)
    {
        var run = new AdversarialRun();
        var clock = Stopwatch.StartNew();
        string expected = Results.Stable(await client.CallToolAsync("run_example", Normal, cancellationToken: cancellationToken));
        for (int i = 0; i < cases.Count; i++)
        {
            await run.CallAsync(client, cases[i], cancellationToken);
            if ((i + 1) % batchSize == 0 || i == cases.Count - 1)
            {
                if (health() is { } dead)
                {
                    run.Failures.Add($"after call {i + 1}: {dead}");
                    break;
                }

                run.NormalRuns++;
                try
                {
                    var normal = await client.CallToolAsync("run_example", Normal, cancellationToken: cancellationToken);
                    string got = Results.Stable(normal);
                    if (normal.IsError == true || got != expected)
                    {
                        run.Failures.Add($"normal run after call {i + 1} differs: {Results.Text(normal)[..Math.Min(300, Results.Text(normal).Length)]}");
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    run.Failures.Add($"normal run after call {i + 1} failed: {ex.GetType().Name}: {ex.Message}");
                    break;
                }
            }
        }

        run.Elapsed = clock.Elapsed;
        return run;
    }

    private async Task CallAsync(McpClient client, AdversarialCase adversarial, CancellationToken cancellationToken)
    {
        Calls++;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        var clock = Stopwatch.StartNew();
        try
        {
            var request = new CallToolRequestParams { Name = adversarial.Tool, Arguments = Results.Arguments(adversarial.Arguments) };
            var result = await client.CallToolAsync(request, timeout.Token);
            if (result.IsError == true)
            {
                ToolErrors++;
                Check(adversarial, Results.Text(result));
            }
            else
            {
                Succeeded++;
            }
        }
        catch (McpProtocolException ex)
        {
            ProtocolErrors++;
            Check(adversarial, ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Hangs++;
            Failures.Add($"hang: no answer within {CallTimeout.TotalSeconds} s: {adversarial}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Crashes++;
            Failures.Add($"crash: {ex.GetType().Name}: {ex.Message}: {adversarial}");
        }
        finally
        {
            if (clock.Elapsed > Slowest.Time)
            {
                Slowest = (clock.Elapsed, adversarial.ToString()[..Math.Min(160, adversarial.ToString().Length)]);
            }
        }
    }

    /// <summary>A refusal must carry more than the SDK's bare "An error occurred invoking 'tool'." and name the argument or the value.</summary>
    private void Check(AdversarialCase adversarial, string message)
    {
        string detail = message;
        foreach (var prefix in new[] { "Request failed (remote): ", $"An error occurred invoking '{adversarial.Tool}'" })
        {
            if (detail.StartsWith(prefix, StringComparison.Ordinal))
            {
                detail = detail[prefix.Length..];
            }
        }

        detail = detail.StartsWith(": ", StringComparison.Ordinal) ? detail[2..] : detail == "." ? "" : detail;
        if (detail.Length < 10)
        {
            Unspecific++;
            Failures.Add($"generic error '{message}': {adversarial}");
        }
        else if (!adversarial.Accept.Any(a => a.Length > 0 && detail.Contains(a, StringComparison.OrdinalIgnoreCase)))
        {
            Unspecific++;
            Failures.Add($"error names none of [{string.Join(", ", adversarial.Accept.Select(a => JsonSerializer.Serialize(a)))}]: '{message[..Math.Min(300, message.Length)]}': {adversarial}");
        }
    }
}
