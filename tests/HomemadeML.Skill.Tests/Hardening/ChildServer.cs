using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HomemadeML.Skill.Tests.Hosting;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace HomemadeML.Skill.Tests.Hardening;

/// <summary>
/// The built server as a real child process over stdio, with the SDK's client on its pipes (so the test knows its pid
/// and can read its CPU time and memory from /proc), and stderr drained so the child never blocks on a full pipe.
/// </summary>
internal sealed class ChildServer : IAsyncDisposable
{
    private readonly StringBuilder _stderr = new();

    private ChildServer(Process process) => Process = process;

    public Process Process { get; }

    public McpClient Client { get; private set; } = null!;

    /// <summary>The last few KB the child wrote to stderr, for failure messages.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts the server (extra arguments such as --max-concurrent-trainings 1 go first, as the CLI expects) and connects the SDK client.</summary>
    public static Task<ChildServer> StartAsync(CancellationToken cancellationToken, params string[] args) => StartAsync(cancellationToken, null, args);

    /// <summary>As <see cref="StartAsync(CancellationToken, string[])"/>, with extra environment variables for the child.</summary>
    public static async Task<ChildServer> StartAsync(CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var server = StartRaw(environment, args);
        server.Client = await McpClient.CreateAsync(
            new StreamClientTransport(server.Process.StandardInput.BaseStream, server.Process.StandardOutput.BaseStream),
            cancellationToken: cancellationToken);
        return server;
    }

    /// <summary>Starts the server without a client: the test writes raw lines to <see cref="Process"/>'s stdin.</summary>
    public static ChildServer StartRaw(params string[] args) => StartRaw(null, args);

    private static ChildServer StartRaw(IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var info = ServerProcess.StartInfo(args);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info)!;
        var server = new ChildServer(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (server._stderr)
            {
                server._stderr.AppendLine(e.Data);
                if (server._stderr.Length > 8192)
                {
                    server._stderr.Remove(0, server._stderr.Length - 8192);
                }
            }
        };
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>User + system CPU time the child has used so far (Linux /proc; clock ticks of 10 ms).</summary>
    public TimeSpan CpuTime => ProcStats.CpuTime(Process.Id);

    /// <summary>The child's resident set size.</summary>
    public long RssBytes => ProcStats.RssBytes(Process.Id);

    public async ValueTask DisposeAsync()
    {
        if (Client is not null)
        {
            try
            {
                await Client.DisposeAsync();
            }
            catch (IOException)
            {
                // The child may already be gone (a test killed it or closed its stdin).
            }
        }

        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync(CancellationToken.None);
        }

        Process.Dispose();
    }
}

/// <summary>The built server as a child process in Streamable HTTP mode on a free loopback port, with a bearer token.</summary>
internal sealed class HttpChildServer : IAsyncDisposable
{
    public const string Token = "hardening-token-5c1e";

    private HttpChildServer(Process process, string baseUrl)
    {
        Process = process;
        BaseUrl = baseUrl;
    }

    public Process Process { get; }

    public string BaseUrl { get; }

    public TimeSpan CpuTime => ProcStats.CpuTime(Process.Id);

    public static async Task<HttpChildServer> StartAsync(CancellationToken cancellationToken, params string[] extraArgs)
    {
        string baseUrl = $"http://127.0.0.1:{ServerProcess.FreePort()}";
        var info = ServerProcess.StartInfo(["--http", "--urls", baseUrl, .. extraArgs]);
        info.Environment["HOMEMADE_ML_TOKEN"] = Token;
        info.RedirectStandardOutput = false;
        info.RedirectStandardError = false;
        var process = Process.Start(info)!;
        var server = new HttpChildServer(process, baseUrl);
        using var http = new HttpClient();
        for (int attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await http.GetAsync(new Uri($"{baseUrl}/health"), cancellationToken)).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException("the HTTP server did not answer /health within 30 s");
    }

    public Task<McpClient> ConnectAsync(CancellationToken cancellationToken) => McpClient.CreateAsync(
        new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri($"{BaseUrl}/mcp"),
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {Token}" },
        }),
        cancellationToken: cancellationToken);

    /// <summary>A raw POST of one JSON-RPC message to /mcp (stateless mode needs no session).</summary>
    public HttpRequestMessage Post(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{BaseUrl}/mcp")) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync(CancellationToken.None);
        }

        Process.Dispose();
    }
}

/// <summary>CPU time and memory of a process, from Linux's /proc.</summary>
internal static class ProcStats
{
    private const double TicksPerSecond = 100; // USER_HZ: 100 on every Linux the CI uses.

    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime, stime
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public static long RssBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>The CPU time every ~10 ms for <paramref name="duration"/>, with when (since the call) each was read.</summary>
    public static async Task<List<(TimeSpan At, TimeSpan Cpu)>> SampleAsync(Func<TimeSpan> cpuTime, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var samples = new List<(TimeSpan At, TimeSpan Cpu)> { (TimeSpan.Zero, cpuTime()) };
        while (clock.Elapsed < duration)
        {
            await Task.Delay(10, cancellationToken);
            samples.Add((clock.Elapsed, cpuTime()));
        }

        return samples;
    }

    /// <summary>When the first stretch of <paramref name="window"/> began in which the CPU time grew by less than <paramref name="maxCpu"/>; null if none did.</summary>
    public static TimeSpan? FirstQuiet(List<(TimeSpan At, TimeSpan Cpu)> samples, TimeSpan window, TimeSpan maxCpu)
    {
        foreach (var start in samples)
        {
            var end = samples.FirstOrDefault(s => s.At - start.At >= window);
            if (end == default)
            {
                return null;
            }

            if (end.Cpu - start.Cpu < maxCpu)
            {
                return start.At;
            }
        }

        return null;
    }
}

/// <summary>Comparing tool results: the structured content without the parts that differ between equal runs.</summary>
internal static class Results
{
    private static readonly HashSet<string> Volatile = ["training_ms", "charts", "run_id"];

    /// <summary>The structured content as canonical text, minus timing and chart links.</summary>
    public static string Stable(CallToolResult result) =>
        result.StructuredContent is { } structured ? Strip(JsonNode.Parse(structured.GetRawText()))?.ToJsonString() ?? "null" : "(no structured content)";

    private static JsonNode? Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).Where(Volatile.Contains).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, value) in obj)
                {
                    Strip(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Strip(item);
                }

                break;
        }

        return node;
    }

    public static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    /// <summary>Arguments as the SDK sends them: raw JSON per name, so 1e400 or a huge integer go out exactly as written.</summary>
    public static Dictionary<string, JsonElement> Arguments(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }
}
