using System.Globalization;
using System.Text.Json;
using HomemadeML.Content;
using HomemadeML.Engine.Data;
using HomemadeML.Engine.Training;
using HomemadeML.Skill.Hosting;
using HomemadeML.Skill.Services;
using HomemadeML.Skill.Tools;
using ModelContextProtocol;

namespace HomemadeML.Skill.Cli;

/// <summary>
/// The command-line face for people: the same services as the MCP tools, printed for a terminal.
/// Exit codes: 0 done, 2 bad input (the message says which argument and what is allowed), 1 anything else.
/// </summary>
public static class CommandLine
{
    private const string Usage = """
        homemade-ml — machine learning from scratch (MCP server and command line)

        Usage:
          homemade-ml                      serve MCP over stdio (what MCP clients launch)
          homemade-ml serve [LIMITS]       the same, with limits: --max-training-seconds N (default 40), --max-csv-bytes N
                                           (2097152), --max-cells N (47100000), --max-iterations N (100000),
                                           --max-network-weights N (10000000), --max-sweep-values N (8),
                                           --max-concurrent-trainings N (cores), --fashion-mnist FOLDER; each also a
                                           variable (HOMEMADE_ML_MAX_CELLS, …, HOMEMADE_ML_FASHION_MNIST); flags win
          homemade-ml --http [--urls URL] [--allow-remote] [LIMITS]
                                           serve MCP over Streamable HTTP at URL/mcp (default http://127.0.0.1:5077)
          homemade-ml list                 the five algorithms in learning order
          homemade-ml explain ALGORITHM [--level beginner|intermediate|advanced] [--section ID,…]
          homemade-ml formula ALGORITHM [--name ID] [--format latex|unicode|both]
          homemade-ml code ALGORITHM [--language python|csharp]
          homemade-ml run ALGORITHM [--dataset NAME | --csv FILE --label-column COLUMN] [--features A,B]
                                    [--set KEY=VALUE …] [--seed N] [--test-fraction F] [--plot OUT.png] [--json]
                                           train the engine; lists are comma-separated (--set hidden_layers=25,10)
          homemade-ml path [--current ALGORITHM]
          homemade-ml notebooks ALGORITHM
          homemade-ml datasets             the built-in datasets
          homemade-ml COMMAND --help

        Algorithms: linear-regression, logistic-regression, multilayer-perceptron, k-means, anomaly-detection (aliases work).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }

        var command = args[0];
        var rest = new Arguments(args[1..]);
        if (rest.Flag("--help") || rest.Flag("-h"))
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }

        Func<LessonLibrary> lessons = () => LessonLibrary.Embedded;
        var names = new AlgorithmNames(lessons);
        try
        {
            var limits = SkillLimits.FromEnvironment();
            string text = command switch
            {
                "list" => new AlgorithmTools(lessons, names).ListAlgorithms(),
                "explain" => new AlgorithmTools(lessons, names).ExplainAlgorithm(
                    rest.Positional("ALGORITHM"), rest.Enum("--level", ExplanationLevel.Intermediate), rest.Value("--section") ?? ""),
                "formula" => new AlgorithmTools(lessons, names).ShowFormula(
                    rest.Positional("ALGORITHM"), rest.Value("--name") ?? "all", rest.Enum("--format", FormulaFormat.Both)),
                "code" => new AlgorithmTools(lessons, names).ShowCode(rest.Positional("ALGORITHM"), rest.Enum("--language", CodeLanguage.Python)),
                "path" => new PathTools(lessons, names).LearningPath(rest.Value("--current") ?? ""),
                "notebooks" => new PathTools(lessons, names).GetNotebookLinks(rest.Positional("ALGORITHM")),
                "datasets" => Datasets(),
                "run" => await RunAsync(rest, names, limits, errors).ConfigureAwait(false),
                _ => throw new SkillArgumentException("command", $"command: '{command}' is not a command; allowed: list, explain, formula, code, run, path, notebooks, datasets (or --http, or no arguments for MCP over stdio)."),
            };
            rest.RequireAllRead();
            await output.WriteLineAsync(text).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is SkillArgumentException or ArgumentException or McpException)
        {
            await errors.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            await errors.WriteLineAsync($"Run 'homemade-ml {(command.StartsWith('-') ? "" : command + " ")}--help' for usage.").ConfigureAwait(false);
            return 2;
        }
    }

    private static async Task<string> RunAsync(Arguments rest, AlgorithmNames names, SkillLimits limits, TextWriter errors)
    {
        string csv = "";
        if (rest.Value("--csv") is { } file)
        {
            if (!File.Exists(file))
            {
                throw new SkillArgumentException("--csv", $"--csv: no file at '{file}'.");
            }

            csv = await File.ReadAllTextAsync(file).ConfigureAwait(false);
        }

        var pairs = rest.Values("--set").Select(s =>
        {
            int equals = s.IndexOf('=', StringComparison.Ordinal);
            return equals > 0 ? KeyValuePair.Create(s[..equals], s[(equals + 1)..]) : throw new SkillArgumentException("--set", $"--set: '{s}' is not KEY=VALUE, e.g. --set learning_rate=0.1.");
        });
        var request = new RunRequest
        {
            Algorithm = names.Resolve(rest.Positional("ALGORITHM")),
            Dataset = rest.Value("--dataset") ?? "",
            Csv = csv,
            LabelColumn = rest.Value("--label-column") ?? "",
            Features = (rest.Value("--features") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Hyperparameters = Hyperparameters.FromPairs(pairs),
            Seed = rest.Integer("--seed", 0),
            TestFraction = rest.Number("--test-fraction", 0.2),
        };
        bool json = rest.Flag("--json");
        var plot = rest.Value("--plot");
        var runner = new ExampleRunner(limits with { MaxTrainingTime = TimeSpan.FromMinutes(30) }, NotebookLinks.FirstFor);
        var bar = new ProgressBar(errors);
        var report = await runner.RunAsync(request, bar).ConfigureAwait(false);
        bar.Finish();
        if (plot is not null)
        {
            await WritePlotsAsync(RunCharts.ForRun(report), plot, errors).ConfigureAwait(false);
        }

        return json
            ? SkillJson.ToIndentedText(report)
            : RunMarkdown.Render(report);
    }

    /// <summary>The first chart goes to <paramref name="path"/>, the others beside it as name-chart.png; stderr lists them.</summary>
    private static async Task WritePlotsAsync(ChartSet charts, string path, TextWriter errors)
    {
        var all = charts.Charts.Concat(charts.Dropped).ToList();
        if (all.Count == 0)
        {
            await errors.WriteLineAsync("--plot: this run has no chart to draw.").ConfigureAwait(false);
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var stem = Path.GetFileNameWithoutExtension(path);
        for (int i = 0; i < all.Count; i++)
        {
            var file = i == 0 ? path : Path.Combine(folder, $"{stem}-{all[i].Name}.png");
            await File.WriteAllBytesAsync(file, all[i].Png).ConfigureAwait(false);
            await errors.WriteLineAsync($"wrote {file}: {all[i].Description}").ConfigureAwait(false);
        }
    }

    private static string Datasets() =>
        "| name | task | rows | features | source |\n|---|---|---|---|---|\n" +
        string.Concat(BuiltInDatasets.Catalog.Select(d => $"| {d.Name} | {d.Task} | {d.Rows} | {d.Features} | {d.Source} |\n"));

    /// <summary>A one-line progress bar on stderr, redrawn in place while training runs.</summary>
    private sealed class ProgressBar(TextWriter errors) : IProgress<TrainingProgress>
    {
        private const int Width = 30;
        private bool _drawn;

        public void Report(TrainingProgress value)
        {
            int filled = (int)Math.Round(value.Fraction * Width);
            errors.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {value.Step}/{value.TotalSteps} cost {value.Cost,-12:G6} {value.Stage}   "));
            _drawn = true;
        }

        public void Finish()
        {
            if (_drawn)
            {
                errors.WriteLine();
            }
        }
    }

    /// <summary>The words after the command: one positional argument, --name value options, flags; every one must be used.</summary>
    private sealed class Arguments(string[] words)
    {
        private readonly bool[] _read = new bool[words.Length];

        public string Positional(string what)
        {
            for (int i = 0; i < words.Length; i++)
            {
                if (!_read[i] && !words[i].StartsWith("--", StringComparison.Ordinal) && (i == 0 || !words[i - 1].StartsWith("--", StringComparison.Ordinal) || IsFlag(words[i - 1])))
                {
                    _read[i] = true;
                    return words[i];
                }
            }

            throw new SkillArgumentException(what, $"{what} is missing.");
        }

        public bool Flag(string name)
        {
            int i = Array.IndexOf(words, name);
            if (i >= 0)
            {
                _read[i] = true;
            }

            return i >= 0;
        }

        public string? Value(string name) => Values(name).LastOrDefault();

        public List<string> Values(string name)
        {
            var values = new List<string>();
            for (int i = 0; i < words.Length; i++)
            {
                if (words[i] == name)
                {
                    if (i + 1 >= words.Length)
                    {
                        throw new SkillArgumentException(name, $"{name} needs a value.");
                    }

                    _read[i] = _read[i + 1] = true;
                    values.Add(words[++i]);
                }
            }

            return values;
        }

        public int Integer(string name, int fallback) => Value(name) is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new SkillArgumentException(name, $"{name}: got '{text}'; allowed: a whole number.")
            : fallback;

        public double Number(string name, double fallback) => Value(name) is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new SkillArgumentException(name, $"{name}: got '{text}'; allowed: a number.")
            : fallback;

        public T Enum<T>(string name, T fallback)
            where T : struct, System.Enum => Value(name) is { } text
            ? System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value
                : throw new SkillArgumentException(name, $"{name}: got '{text}'; allowed: {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.")
            : fallback;

        public void RequireAllRead()
        {
            int unread = Array.IndexOf(_read, false);
            if (unread >= 0)
            {
                throw new SkillArgumentException(words[unread], $"'{words[unread]}' is not an option of this command.");
            }
        }

        private static bool IsFlag(string word) => word is "--json" or "--allow-remote";
    }
}
