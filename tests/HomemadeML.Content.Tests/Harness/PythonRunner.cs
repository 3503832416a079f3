using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HomemadeML.Content.Tests.Harness;

/// <summary>
/// Runs a lesson's Python with Debian's /usr/bin/python3 (numpy installed there) and reads the last
/// <c>RESULT {json}</c> line of its output. Lessons may import only numpy and json; <see cref="DisallowedImports"/> checks that.
/// Usage: <c>var run = PythonRunner.Run(code); run.Result.GetProperty("final_cost").GetDouble()</c>.
/// </summary>
internal static partial class PythonRunner
{
    public const string Interpreter = "/usr/bin/python3";

    /// <summary>Modules a lesson's Python may import.</summary>
    public static readonly IReadOnlySet<string> AllowedModules = new HashSet<string>(StringComparer.Ordinal) { "numpy", "json" };

    // Generous: the largest lesson script trains a small network on a few hundred rows in NumPy (~1 s on this machine).
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="code"/> (fed on stdin) and fails the test if python exits non-zero or prints no RESULT line.</summary>
    public static PythonRun Run(string code, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(Interpreter, ["-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONHASHSEED"] = "0";
        start.Environment["OMP_NUM_THREADS"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Interpreter}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(code);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? DefaultTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"python did not finish within {(timeout ?? DefaultTimeout).TotalSeconds} s");
        }

        var output = stdout.GetAwaiter().GetResult();
        var errors = stderr.GetAwaiter().GetResult();
        Assert.True(process.ExitCode == 0, $"python exited with {process.ExitCode}:\n{errors}\n--- stdout ---\n{output}");
        var resultLine = output.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.Length > 0);
        Assert.True(
            resultLine is not null && resultLine.StartsWith("RESULT ", StringComparison.Ordinal),
            $"the last line of output must be 'RESULT {{json}}'; got:\n{output}");
        using var document = JsonDocument.Parse(resultLine!["RESULT ".Length..]);
        return new PythonRun(output, errors, document.RootElement.Clone());
    }

    /// <summary>Top-level module names imported by <paramref name="code"/> that are not numpy or json.</summary>
    public static IReadOnlyList<string> DisallowedImports(string code) =>
        ImportLine().Matches(code)
            .SelectMany(m => m.Groups["from"].Success
                ? [m.Groups["from"].Value]
                : m.Groups["list"].Value.Split(',').Select(part => part.Trim().Split(' ')[0]))
            .Select(module => module.Split('.')[0])
            .Where(module => module.Length > 0 && !AllowedModules.Contains(module))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    [GeneratedRegex(@"^\s*(?:from\s+(?<from>[\w.]+)\s+import\b|import\s+(?<list>[\w.,\s]+?)\s*(?:#.*)?$)", RegexOptions.Multiline)]
    private static partial Regex ImportLine();
}

/// <summary>Output of one python run; <see cref="Result"/> is the parsed JSON of its last <c>RESULT</c> line.</summary>
internal sealed record PythonRun(string Stdout, string Stderr, JsonElement Result)
{
    public double Number(string key) => Result.GetProperty(key).GetDouble();

    public double[] Numbers(string key) => LessonChecks.ToDoubles(Result.GetProperty(key));
}
