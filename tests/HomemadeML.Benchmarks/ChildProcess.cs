using System.Diagnostics;

namespace HomemadeML.Benchmarks;

/// <summary>Starts this benchmark program again as a fresh process, under the same host (apphost or <c>dotnet x.dll</c>).</summary>
internal static class ChildProcess
{
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
}
