using System.Diagnostics;
using System.Text.Json;

namespace HomemadeML.Benchmarks;

/// <summary>
/// Runs a peer script under Debian's /usr/bin/python3 (NumPy on OpenBLAS) and returns its JSON output.
/// OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed from its environment so OpenBLAS detects the CPU itself,
/// as `env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3` would.
/// </summary>
internal static class PythonPeer
{
    private const string Python = "/usr/bin/python3";

    public static JsonDocument? Run(string script, params string[] arguments)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Peers", script);
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("OPENBLAS_CORETYPE");
        start.Environment.Remove("OPENBLAS_L2_SIZE");
        try
        {
            return ChildProcess.RunForJson(start, script);
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            Console.Error.WriteLine($"cannot start {Python}: {error.Message}");
            return null;
        }
    }
}
