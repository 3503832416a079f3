using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace HomemadeML.Skill.Tests.Hardening;

/// <summary>
/// Issue #8: raw garbage on the real server's stdin. After every frame the server must still answer a ping, and
/// everything it writes to stdout must stay JSON-RPC. What it does with each frame (answers or drops it) is recorded.
/// </summary>
public sealed class MalformedFrameTests
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Frame name → the bytes of the line (without its newline).</summary>
    private static readonly Dictionary<string, Func<byte[]>> Catalogue = new(StringComparer.Ordinal)
    {
        ["not JSON"] = () => Utf8("this is not json"),
        ["truncated JSON"] = () => Utf8("""{"jsonrpc":"2.0","id":1,"method":"pi"""),
        ["JSON array"] = () => Utf8("""[{"jsonrpc":"2.0","id":2,"method":"ping"}]"""),
        ["empty array"] = () => Utf8("[]"),
        ["JSON number"] = () => Utf8("42"),
        ["JSON string"] = () => Utf8("\"hello\""),
        ["JSON null"] = () => Utf8("null"),
        ["empty object"] = () => Utf8("{}"),
        ["empty line"] = () => [],
        ["blank line"] = () => Utf8("   \t "),
        ["wrong jsonrpc version"] = () => Utf8("""{"jsonrpc":"1.0","id":3,"method":"ping"}"""),
        ["unknown method"] = () => Utf8("""{"jsonrpc":"2.0","id":4,"method":"no/such/method"}"""),
        ["tools/call, params an array"] = () => Utf8("""{"jsonrpc":"2.0","id":5,"method":"tools/call","params":[1,2]}"""),
        ["tools/call, name a number"] = () => Utf8("""{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":5}}"""),
        ["tools/call, no params"] = () => Utf8("""{"jsonrpc":"2.0","id":7,"method":"tools/call"}"""),
        ["tools/call, arguments an array"] = () => Utf8("""{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"run_example","arguments":[1]}}"""),
        ["id an object"] = () => Utf8("""{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}"""),
        ["id null"] = () => Utf8("""{"jsonrpc":"2.0","id":null,"method":"ping"}"""),
        ["response to nothing"] = () => Utf8("""{"jsonrpc":"2.0","id":9,"result":{}}"""),
        ["cancel of an unknown request"] = () => Utf8("""{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":999}}"""),
        ["lone surrogate in a string"] = () => Utf8("""{"jsonrpc":"2.0","id":10,"method":"tools/call","params":{"name":"explain_algorithm","arguments":{"algorithm":"\ud800"}}}"""),
        ["invalid UTF-8"] = () => [.. Utf8("""{"jsonrpc":"2.0","id":11,"method":"tools/call","params":{"name":"explain_algorithm","arguments":{"algorithm":" """), 0xFF, 0xFE, 0xC3, .. Utf8("\"}}}")],
        ["nesting 10,000 deep"] = () => Utf8(new string('[', 10_000) + new string(']', 10_000)),
        ["20 MB of garbage"] = () => Utf8(new string('x', 20 * 1024 * 1024)),
        ["20 MB valid request (csv over the cap)"] = () => Utf8(JsonSerializer.Serialize(new
        {
            jsonrpc = "2.0",
            id = 12,
            method = "tools/call",
            @params = new { name = "run_example", arguments = new { algorithm = "linear-regression", csv = "x,y\n" + string.Concat(Enumerable.Repeat("1,2\n", 5 * 1024 * 1024)), label_column = "y" } },
        })),
    };

    [Fact]
    public async Task MalformedFrames_OverStdio_AfterEachTheServerStillAnswersAPing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = ChildServer.StartRaw();
        var lines = ReadLines(server.Process, ct);
        await WriteAsync(server.Process, Utf8("""{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}"""), ct);
        var seen = new List<string>();
        await ReplyToAsync(lines, "\"init\"", seen, server, ct);
        await WriteAsync(server.Process, Utf8("""{"jsonrpc":"2.0","method":"notifications/initialized"}"""), ct);

        // Answers come asynchronously (a ping may overtake a slow refusal): send each frame and a ping after it, then
        // attribute every answer by its id once all are in.
        int probe = 0;
        var pingTimes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (frame, bytes) in Catalogue)
        {
            var clock = Stopwatch.StartNew();
            await WriteAsync(server.Process, bytes(), ct);
            string probeId = $"\"probe-{++probe}\"";
            await WriteAsync(server.Process, Utf8($$"""{"jsonrpc":"2.0","id":{{probeId}},"method":"ping"}"""), ct);
            var ping = await ReplyToAsync(lines, probeId, seen, server, ct);
            pingTimes[frame] = clock.ElapsedMilliseconds;
            using var pong = JsonDocument.Parse(ping);
            Assert.True(pong.RootElement.TryGetProperty("result", out _), $"{frame}: the ping after it got {ping}");
        }

        // Wait for stragglers: a last ping; the answers the checks below need (a 20 MB refusal can come after that ping
        // on a busy machine); then a quiet second.
        await WriteAsync(server.Process, Utf8("""{"jsonrpc":"2.0","id":"last","method":"ping"}"""), ct);
        await ReplyToAsync(lines, "\"last\"", seen, server, ct);
        foreach (var frame in new[] { "unknown method", "tools/call, params an array", "tools/call, name a number", "tools/call, no params", "20 MB valid request (csv over the cap)" })
        {
            if (!seen.Exists(l => IdOf(l) == FrameIds[frame]))
            {
                seen.Add(await ReplyToAsync(lines, FrameIds[frame], seen, server, ct));
            }
        }

        await Task.Delay(1000, ct);
        while (lines.TryRead(out var late))
        {
            seen.Add(late);
        }

        var failures = new List<string>();
        foreach (var (frame, _) in Catalogue)
        {
            var answers = FrameIds.TryGetValue(frame, out var id) ? seen.Where(l => IdOf(l) == id).ToList() : [];
            string outcome = answers.Count == 0 ? "dropped (no answer)" : "answered " + string.Join(" | ", answers.Select(Describe));
            TestContext.Current.TestOutputHelper?.WriteLine($"{frame}: {outcome}; the next ping was answered after {pingTimes[frame]} ms");
            bool expected = frame switch
            {
                "unknown method" => answers.Any(o => ErrorCode(o) == -32601),
                "tools/call, name a number" or "tools/call, no params" or "tools/call, params an array" => answers.Count > 0 && answers.All(o => ErrorCode(o) is not null),
                "20 MB valid request (csv over the cap)" => answers.Any(o => o.Contains("\"isError\":true", StringComparison.Ordinal) && o.Contains("csv: got", StringComparison.Ordinal)),
                _ => true,
            };
            if (!expected)
            {
                failures.Add($"{frame}: {outcome}");
            }
        }

        var unattributed = seen.Where(l => IdOf(l) is not { } id || !FrameIds.ContainsValue(id)).Where(l => !(IdOf(l) ?? "").StartsWith("\"probe", StringComparison.Ordinal) && IdOf(l) is not "\"init\"" and not "\"last\"").ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"answers with no frame's id: {(unattributed.Count == 0 ? "none" : string.Join(" | ", unattributed.Select(Describe)))}");
        Assert.False(server.Process.HasExited, server.Stderr);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The id each frame carries (as raw JSON), for the frames that carry one.</summary>
    private static readonly Dictionary<string, string> FrameIds = new(StringComparer.Ordinal)
    {
        ["truncated JSON"] = "1", ["JSON array"] = "2", ["wrong jsonrpc version"] = "3", ["unknown method"] = "4", ["tools/call, params an array"] = "5",
        ["tools/call, name a number"] = "6", ["tools/call, no params"] = "7", ["tools/call, arguments an array"] = "8", ["response to nothing"] = "9",
        ["lone surrogate in a string"] = "10", ["invalid UTF-8"] = "11", ["20 MB valid request (csv over the cap)"] = "12", ["id an object"] = "{\"a\":1}",
    };

    private static string? IdOf(string line)
    {
        using var message = JsonDocument.Parse(line);
        return message.RootElement.TryGetProperty("id", out var id) ? id.GetRawText() : null;
    }

    private static string Describe(string line)
    {
        using var message = JsonDocument.Parse(line);
        var root = message.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            return $"error {error.GetProperty("code").GetInt32()} \"{error.GetProperty("message").GetString()}\"";
        }

        return root.TryGetProperty("result", out var result) && result.TryGetProperty("isError", out var isError) && isError.GetBoolean()
            ? $"isError result \"{Shorten(result.GetProperty("content")[0].GetProperty("text").GetString() ?? "")}\""
            : Shorten(line);
    }

    /// <summary>Every stdout line, as soon as it comes; each must be a JSON-RPC 2.0 message.</summary>
    private static ChannelReader<string> ReadLines(Process process, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<string>();
        _ = Task.Run(async () =>
        {
            try
            {
                while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
                {
                    await channel.Writer.WriteAsync(line, cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                // The test ended.
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }, cancellationToken);
        return channel.Reader;
    }

    /// <summary>Reads until the answer to <paramref name="idJson"/> and returns it; every other line seen on the way goes to <paramref name="other"/>.</summary>
    private static async Task<string> ReplyToAsync(ChannelReader<string> lines, string idJson, List<string> other, ChildServer server, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AnswerTimeout);
        try
        {
            while (true)
            {
                var line = await lines.ReadAsync(timeout.Token);
                using var message = JsonDocument.Parse(line); // anything on stdout that is not JSON fails the test
                Assert.Equal("2.0", message.RootElement.GetProperty("jsonrpc").GetString());
                if (message.RootElement.TryGetProperty("id", out var id) && id.GetRawText() == idJson && !message.RootElement.TryGetProperty("method", out _))
                {
                    return line;
                }

                other.Add(line);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            throw new TimeoutException($"no answer to id {idJson} within {AnswerTimeout.TotalSeconds} s (exited: {server.Process.HasExited}); stderr: {server.Stderr}", ex);
        }
    }

    private static async Task WriteAsync(Process process, byte[] line, CancellationToken cancellationToken)
    {
        var stdin = process.StandardInput.BaseStream;
        await stdin.WriteAsync(line, cancellationToken);
        await stdin.WriteAsync("\n"u8.ToArray(), cancellationToken);
        await stdin.FlushAsync(cancellationToken);
    }

    private static int? ErrorCode(string line)
    {
        using var message = JsonDocument.Parse(line);
        return message.RootElement.TryGetProperty("error", out var error) ? error.GetProperty("code").GetInt32() : null;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Shorten(string line) => line.Length <= 160 ? line : line[..160] + $"… ({line.Length} chars)";
}
