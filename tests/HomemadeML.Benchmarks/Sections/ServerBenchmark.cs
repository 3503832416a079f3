using System.Diagnostics;
using System.Globalization;
using ModelContextProtocol.Client;

namespace HomemadeML.Benchmarks.Sections;

/// <summary>
/// The MCP server as a client meets it: cold start from process launch to the <c>initialize</c> answer, and the
/// latency of explain_algorithm and of each default run_example, for every way the server can be launched that is
/// built (the JIT dll from <c>dotnet build -c Release</c>, the Native AOT executable from
/// <c>dotnet publish src/HomemadeML.Skill -c Release -r linux-x64</c>, <c>dotnet dnx</c> from the packed tool).
/// Targets: cold start ≤ 150 ms, explain_algorithm median ≤ 2 ms.
/// </summary>
internal sealed class ServerBenchmark : IBenchmarkSection
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"benchmark","version":"1.0"}}}""";

    private static readonly string[] Algorithms = ["linear-regression", "logistic-regression", "multilayer-perceptron", "k-means", "anomaly-detection"];

    public string Name => "server";

    public string Description => "MCP server cold start to initialize, explain_algorithm and run_example latency (JIT, Native AOT, dnx)";

    public void Run(BenchmarkOptions options, TextWriter output) => RunAsync(options, output).GetAwaiter().GetResult();

    private static async Task RunAsync(BenchmarkOptions options, TextWriter output)
    {
        string root = RepositoryRoot();
        var launches = Launches(root, output);
        if (launches.Count == 0)
        {
            return;
        }

        int repeat = options.Repeat ?? 5;
        int starts = 10 * repeat;
        output.WriteLine($"Cold start: launch → initialize answer, median (best) of {starts} launches after one warm-up launch.");
        output.WriteLine($"{"launch",-34} {"median ms",10} {"best ms",8} {"÷ JIT",7} {"≤ 150 ms",9}");
        double? jitMedian = null;
        foreach (var launch in launches)
        {
            var (median, best) = ColdStart(launch, starts);
            jitMedian ??= median;
            output.WriteLine($"{launch.Label,-34} {Ms(median),10} {Ms(best),8} {(median / jitMedian.Value).ToString("F2", CultureInfo.InvariantCulture),7} {(median <= 150 ? "yes" : "no"),9}");
        }

        output.WriteLine();
        output.WriteLine("Tool latency over stdio, client send → result (median; explain_algorithm × 200, each run_example × 10 after a warm-up):");
        var served = launches.Where(l => !l.Label.StartsWith("dotnet dnx", StringComparison.Ordinal)).ToList();
        var latencies = new List<Dictionary<string, double>>();
        foreach (var launch in served)
        {
            latencies.Add(await ToolLatenciesAsync(launch, repeat).ConfigureAwait(false));
        }

        output.Write($"{"call",-38}");
        foreach (var launch in served)
        {
            output.Write($" {launch.Label.Split(' ')[0] + " ms",14}");
        }

        output.WriteLine(served.Count > 1 ? $" {"AOT ÷ JIT",10}" : string.Empty);
        foreach (string call in latencies[0].Keys)
        {
            output.Write($"{call,-38}");
            foreach (var measured in latencies)
            {
                output.Write($" {measured[call].ToString("F2", CultureInfo.InvariantCulture),14}");
            }

            output.WriteLine(served.Count > 1 ? $" {(latencies[1][call] / latencies[0][call]).ToString("F2", CultureInfo.InvariantCulture),10}" : string.Empty);
        }

        output.WriteLine($"explain_algorithm target ≤ 2 ms: {(latencies.All(l => l["explain_algorithm"] <= 2) ? "met" : "missed")}.");
    }

    private sealed record Launch(string Label, string Command, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string?> Environment);

    private static List<Launch> Launches(string root, TextWriter output)
    {
        var launches = new List<Launch>();
        var none = new Dictionary<string, string?>();
        string dll = Path.Combine(root, "artifacts", "bin", "HomemadeML.Skill", "release", "HomemadeML.Skill.dll");
        if (File.Exists(dll))
        {
            launches.Add(new Launch("JIT: dotnet HomemadeML.Skill.dll", "dotnet", [dll], none));
        }
        else
        {
            output.WriteLine($"skipped the JIT dll: build it with 'dotnet build -c Release' ({dll} is missing).");
        }

        string native = Path.Combine(root, "artifacts", "publish", "HomemadeML.Skill", "release_linux-x64", "HomemadeML.Skill");
        if (File.Exists(native))
        {
            launches.Add(new Launch("AOT: Native AOT executable", native, [], none));
        }
        else
        {
            output.WriteLine($"skipped Native AOT: publish it with 'dotnet publish src/HomemadeML.Skill -c Release -r linux-x64' ({native} is missing).");
        }

        string feed = Path.Combine(root, "artifacts", "package", "release");
        const string Prefix = "HomemadeML.Skill.";
        // The pointer package is HomemadeML.Skill.<version>.nupkg; the platform ones are HomemadeML.Skill.<rid>.<version>.nupkg.
        string? pointer = Directory.Exists(feed)
            ? Directory.GetFiles(feed, Prefix + "*.nupkg").Select(Path.GetFileName).FirstOrDefault(f => char.IsDigit(f![Prefix.Length]))
            : null;
        if (pointer is not null)
        {
            // A private package cache, so the benchmark leaves the user's NuGet cache alone; the warm-up launch fills it.
            string cache = Path.Combine(Path.GetTempPath(), "homemade-ml-benchmark-nuget");
            string version = pointer[Prefix.Length..^".nupkg".Length];
            launches.Add(new Launch("dotnet dnx (tool package)", "dotnet", ["dnx", $"HomemadeML.Skill@{version}", "--yes", "--source", feed], new Dictionary<string, string?> { ["NUGET_PACKAGES"] = cache }));
        }
        else
        {
            output.WriteLine("skipped dnx: pack the tool first (dotnet pack src/HomemadeML.Skill -c Release, then with -r linux-x64 and -r any).");
        }

        return launches;
    }

    private static (double Median, double Best) ColdStart(Launch launch, int starts)
    {
        var milliseconds = new double[starts];
        for (int i = -1; i < starts; i++)
        {
            var info = new ProcessStartInfo(launch.Command) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in launch.Arguments)
            {
                info.ArgumentList.Add(argument);
            }

            foreach (var (name, value) in launch.Environment)
            {
                info.Environment[name] = value;
            }

            long start = Stopwatch.GetTimestamp();
            using var process = Process.Start(info)!;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.StandardInput.WriteLine(Initialize);
            process.StandardInput.Flush();
            string? answer = process.StandardOutput.ReadLine();
            double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (answer is null || !answer.Contains("\"result\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{launch.Label} did not answer initialize: {answer ?? "(stdout closed)"}");
            }

            process.StandardInput.Close();
            if (!process.WaitForExit(5000))
            {
                process.Kill(entireProcessTree: true);
            }

            if (i >= 0)
            {
                milliseconds[i] = elapsed;
            }
        }

        Array.Sort(milliseconds);
        return (milliseconds[starts / 2], milliseconds[0]);
    }

    private static async Task<Dictionary<string, double>> ToolLatenciesAsync(Launch launch, int repeat)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions { Command = launch.Command, Arguments = [.. launch.Arguments], Name = "homemade-ml" });
        await using var client = await McpClient.CreateAsync(transport).ConfigureAwait(false);
        var medians = new Dictionary<string, double>
        {
            ["explain_algorithm"] = await MedianAsync(client, "explain_algorithm", new() { ["algorithm"] = "logistic-regression" }, 40 * repeat).ConfigureAwait(false),
        };
        foreach (string algorithm in Algorithms)
        {
            medians[$"run_example {algorithm}"] = await MedianAsync(client, "run_example", new() { ["algorithm"] = algorithm }, 2 * repeat).ConfigureAwait(false);
        }

        return medians;
    }

    private static async Task<double> MedianAsync(McpClient client, string tool, Dictionary<string, object?> arguments, int calls)
    {
        var milliseconds = new double[calls];
        for (int i = -1; i < calls; i++)
        {
            long start = Stopwatch.GetTimestamp();
            var result = await client.CallToolAsync(tool, arguments).ConfigureAwait(false);
            if (result.IsError == true)
            {
                throw new InvalidOperationException($"{tool} failed: {string.Join(' ', result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(t => t.Text))}");
            }

            if (i >= 0)
            {
                milliseconds[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        Array.Sort(milliseconds);
        return milliseconds[calls / 2];
    }

    private static string Ms(double milliseconds) => milliseconds.ToString("F0", CultureInfo.InvariantCulture);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HomemadeML.Skill.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmark from inside the repository (HomemadeML.Skill.sln not found above " + AppContext.BaseDirectory + ").");
    }
}
