using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HomemadeML.Benchmarks.Sections;

/// <summary>
/// Every other section in order, each under its own heading, after a description of the machine and the peers. Each
/// section runs in a fresh process: in one process the MLP's 10,000-row iteration measured ≈ 10 % slower after the
/// GEMM section than alone (JIT profiles, heap and thread pool shaped by the section before).
/// </summary>
internal sealed class AllBenchmark(IReadOnlyList<IBenchmarkSection> sections) : IBenchmarkSection
{
    public string Name => "all";

    public string Description => $"every section in order ({string.Join(", ", sections.Select(s => s.Name))}) after a machine description";

    public void Run(BenchmarkOptions options, TextWriter output)
    {
        WriteMachine(options, output);
        foreach (var section in sections)
        {
            output.WriteLine();
            output.WriteLine($"== {section.Name}: {section.Description}");
            output.Flush();
            using var process = Process.Start(ChildProcess.StartInfo([section.Name, .. options.ToArguments()], redirectStandardError: false))!;
            while (process.StandardOutput.ReadLine() is { } line)
            {
                output.WriteLine(line);
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                // One section that cannot run here (a missing build, a missing peer) must not hide the ones after it.
                output.WriteLine($"{section.Name} failed: exit code {process.ExitCode} (its error is above, on stderr).");
            }

            output.Flush();
        }
    }

    private static void WriteMachine(BenchmarkOptions options, TextWriter output)
    {
        output.WriteLine($"Date: {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}");
        output.WriteLine($"CPU: {CpuModel()}, {Environment.ProcessorCount} cores visible to .NET; load average {LoadAverage()} (a shared machine: compare best times and rerun before concluding)");
        output.WriteLine($".NET: {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}; "
            + $"Vector256 {Vector256.IsHardwareAccelerated}, Vector512 {Vector512.IsHardwareAccelerated}; server GC {System.Runtime.GCSettings.IsServerGC}");
        if (!options.RunPeer)
        {
            output.WriteLine("Peers: not run (--no-peer).");
            return;
        }

        using var json = PythonPeer.Run("machine_info.py");
        if (json is null)
        {
            output.WriteLine("Peers: /usr/bin/python3 did not report its versions.");
            return;
        }

        string Get(string name) => json.RootElement.GetProperty(name).GetString() ?? "?";
        output.WriteLine($"Peers: Python {Get("python")} (/usr/bin/python3), NumPy {Get("numpy")} with {Get("blas")}, SciPy {Get("scipy")}, scikit-learn {Get("sklearn")}");
    }

    private static string CpuModel()
    {
        try
        {
            string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
