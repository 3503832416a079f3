using System.Diagnostics;
using System.Text.Json;

namespace HomemadeML.Benchmarks;

/// <summary>Child processes of the benchmarks: this program again (a fresh runtime) and the Python peers.</summary>
internal static class ChildProcess
{
    /// <summary>This benchmark program again, under the same host (apphost or <c>dotnet x.dll</c>).</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, bool redirectStandardError)
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = redirectStandardError, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HomemadeML.Benchmarks.dll"));
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>
    /// Runs <paramref name="start"/> (stdout and stderr redirected) and parses its stdout as JSON; null, with the
    /// child's stderr written to ours under <paramref name="label"/>, if it exits with an error.
    /// </summary>
    public static JsonDocument? RunForJson(ProcessStartInfo start, string label)
    {
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"{label} exited with {process.ExitCode}: {errors.Result}");
            return null;
        }

        return JsonDocument.Parse(output);
    }
}
