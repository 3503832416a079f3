using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HomemadeML.Skill.Tests.Hardening;

/// <summary>
/// One hostile tools/call: the tool, its arguments as raw JSON, and what an error about it must name — the argument
/// (<see cref="Accept"/>) or the offending value — to count as specific.
/// </summary>
internal sealed record AdversarialCase(string Kind, string Tool, string Arguments, IReadOnlyList<string> Accept)
{
    public override string ToString() => $"[{Kind}] {Tool} {(Arguments.Length > 300 ? Arguments[..300] + $"… ({Arguments.Length} chars)" : Arguments)}";
}

/// <summary>
/// A seeded generator of hostile tool calls: for every tool (read from tools/list) and every argument, values of the
/// wrong JSON type, out-of-range and non-finite numbers, huge and odd strings and missing required arguments; then
/// run_example's own inputs (datasets, malformed CSV, hyperparameters, sweeps, split) and compare_algorithms' lists;
/// then random JSON objects until the count is reached. Calls that may train carry a tiny iteration count.
/// </summary>
internal static class AdversarialCases
{
    public static readonly string[] Algorithms = ["linear-regression", "logistic-regression", "multilayer-perceptron", "k-means", "anomaly-detection"];

    /// <summary>Wrong JSON types, edge and non-finite numbers (as strings: JSON has no NaN), odd strings.</summary>
    private static readonly string[] HostileValues =
    [
        "null", "true", "false", "0", "-1", "1.5", "1e308", "-1e308", "1e400", "9223372036854775807", "123456789012345678901234567890",
        "\"\"", "\" \"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"abc\"", "\"5\"", "\"1e12\"", "[]", "[1]", "[\"x\"]", "[[1]]", "{}",
        "{\"a\":1}", "\"\\u0000\"", "\"ñ😀\"", "\"../../etc/passwd\"", "\"' OR 1=1 --\"", JsonSerializer.Serialize(new string('x', 10_000)),
    ];

    private static readonly string[] HyperparameterNames =
    [
        "learning_rate", "iterations", "regularization", "polynomial_degree", "sinusoid_degree", "normalize", "optimizer", "hidden_layers",
        "epsilon", "batch_size", "momentum", "k", "init", "restarts", "full_covariance", "bogus", "LEARNING_RATE", " iterations", "", "__proto__",
    ];

    private static readonly string[] HyperparameterValues =
    [
        "\"abc\"", "\"NaN\"", "\"Infinity\"", "-1", "0", "1e308", "-1e308", "1e12", "1.5", "true", "null", "[]", "[0]", "[-3]", "[1e9]", "{}", "\"[25]\"",
        "[1,2,3,4,5,6,7,8,9]", "\"gd\"",
    ];

    /// <summary>Malformed and odd CSV texts (label column "y" where there is one).</summary>
    private static readonly string[] CsvTexts =
    [
        "x,y",
        "x,y\n1,2",
        "x,y\n1,2\n3",
        "x,y\n1,2,3\n4,5,6",
        "x,y\n1,a\n2,b\n3,c\n4,a",
        "x,y\nabc,1\n2,0\n3,1",
        "x,y\n1,0\n2,0\n3,0\n4,0\n5,0",
        "x,x\n1,2\n3,4\n5,6",
        "y,y\n1,2\n3,4\n5,6",
        "\"x\",\"y\"\n\"1\",\"0\"\n\"2\",\"1\"\n\"3\",\"0\"\n\"4\",\"1\"\n\"5\",\"0\"\n\"6\",\"1\"",
        "\uFEFFy,x\n0,1\n1,2\n0,3\n1,4\n0,5\n1,6",
        "x,y\r\n1,0\r\n2,1\r\n3,0\r\n4,1\r\n5,0\r\n6,1\r\n",
        "x;y\n1;0\n2;1\n3;0\n4;1\n5;0\n6;1",
        "x\ty\n1\t0\n2\t1\n3\t0\n4\t1\n5\t0\n6\t1",
        "x,y\n1,NaN\n2,1\n3,0\n4,1",
        "x,y\n1e400,0\n2,1\n3,0\n4,1",
        "x,y\n1,0\n1,1\n1,0\n1,1\n1,0\n1,1",
        ",y\n1,0\n2,1\n3,0",
        "x,y\n\"1,0\n2,1\n3,0",
        "x,y\n1,0\n\n\n2,1\n3,0\n4,1\n5,0\n",
        "y\n1\n0\n1\n0",
        "x,y\n-0,0\n+1,1\n.5,0\n1e-400,1\n2,0\n3,1",
        "x,y\n1,0\n2,1\n3,2\n4,0\n5,1\n6,2",
        "x,y\n1, 0\n 2,1 \n3 ,0\n4,1\n5,0\n6,1",
        "a,b,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n9,10,0\n11,12,1\n13,14,0\n15,16,1",
        string.Concat(Enumerable.Range(0, 1001).Select(i => $"c{i},")) + "y\n" + string.Concat(Enumerable.Repeat("1,", 1001)) + "0\n" + string.Concat(Enumerable.Repeat("2,", 1001)) + "1",
        "x,y\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => $"{i % 97},{i % 2}\n")),
        "x,y\n1,0\n2,1\n3,0\n4,1\n5,0\n6,1\n7,0\n8,1",
    ];

    public static IReadOnlyList<AdversarialCase> Generate(IList<ModelContextProtocol.Client.McpClientTool> tools, int count, int seed)
    {
        var random = new Random(seed);
        var cases = new List<AdversarialCase>();
        foreach (var tool in tools)
        {
            var schema = tool.ProtocolTool.InputSchema;
            var properties = schema.TryGetProperty("properties", out var p) ? p.EnumerateObject().Select(x => x.Name).ToList() : [];
            var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            var baseArguments = Base(tool.Name);
            foreach (var property in properties)
            {
                foreach (var value in HostileValues)
                {
                    cases.Add(Case("wrong-type", tool.Name, With(baseArguments, property, value), property, value));
                }
            }

            foreach (var property in required)
            {
                var without = JsonNode.Parse(baseArguments)!.AsObject();
                without.Remove(property);
                cases.Add(Case("missing", tool.Name, without.ToJsonString(), property));
            }

            cases.Add(Case("missing", tool.Name, "{}", [.. required, .. properties]));
            foreach (var (name, value) in new[] { ("bogus", "1"), ("iterations", "5"), ("", "1"), ("ALGORITHM", "\"k-means\""), ("__proto__", "{}") })
            {
                cases.Add(Case("unknown-argument", tool.Name, With(baseArguments, name, value), name.Length > 0 ? name : "is not an argument"));
            }
        }

        cases.AddRange(RunExampleCases(random));
        cases.AddRange(CompareCases());
        foreach (var name in new[] { "no_such_tool", "", "RUN_EXAMPLE", "run_example ", "../run_example" })
        {
            cases.Add(Case("unknown-tool", name, "{\"algorithm\":\"k-means\"}", name.Length > 0 ? name : "tool"));
        }

        var toolNames = tools.Select(t => t.Name).ToList();
        while (cases.Count < count)
        {
            var tool = toolNames[random.Next(toolNames.Count)];
            var parameters = tools.Single(t => t.Name == tool).ProtocolTool.InputSchema is var s && s.TryGetProperty("properties", out var props)
                ? props.EnumerateObject().Select(x => x.Name).ToList()
                : [];
            var arguments = new JsonObject();
            int keys = random.Next(0, 5);
            for (int i = 0; i < keys; i++)
            {
                string key = parameters.Count > 0 && random.NextDouble() < 0.7 ? parameters[random.Next(parameters.Count)] : RandomString(random, 1, 12);
                arguments[key] = RandomJson(random, 2);
            }

            // Calls that could train stay tiny: the point is validation, not training time.
            if (tool == "run_example" && !arguments.ContainsKey("hyperparameters"))
            {
                arguments["hyperparameters"] = new JsonObject { ["iterations"] = 2 };
            }

            if (tool == "compare_algorithms" && arguments.ContainsKey("run"))
            {
                arguments["dataset"] = "blobs";
            }

            cases.Add(new AdversarialCase("random", tool, arguments.ToJsonString(), [.. parameters, .. arguments.Select(a => a.Key)]));
        }

        return cases;
    }

    /// <summary>A valid, cheap call of each tool, which the mutations start from.</summary>
    private static string Base(string tool) => tool switch
    {
        "explain_algorithm" => """{"algorithm":"k-means"}""",
        "show_formula" => """{"algorithm":"linear-regression"}""",
        "show_code" => """{"algorithm":"mlp"}""",
        "get_notebook_links" => """{"algorithm":"k-means"}""",
        "run_example" => """{"algorithm":"linear-regression","hyperparameters":{"iterations":3}}""",
        "compare_algorithms" => """{"algorithms":["k-means","logreg"]}""",
        _ => "{}",
    };

    private static string RunBase(string algorithm) => algorithm == "anomaly-detection"
        ? """{"algorithm":"anomaly-detection"}"""
        : $$$"""{"algorithm":"{{{algorithm}}}","hyperparameters":{"iterations":3}}""";

    private static IEnumerable<AdversarialCase> RunExampleCases(Random random)
    {
        foreach (var algorithm in Algorithms)
        {
            var run = RunBase(algorithm);
            foreach (var dataset in new[] { "iris", "digits", "noisy-line", "nonlinear-curve", "microchips", "blobs", "server-metrics", "IRIS", " iris ", "iris.csv", "mnist", "../iris", "fashion_mnist" })
            {
                yield return Case("dataset", "run_example", With(run, "dataset", JsonSerializer.Serialize(dataset)), "dataset", dataset);
            }

            foreach (var csv in CsvTexts)
            {
                string label = algorithm == "k-means" ? "" : "y";
                yield return Case("csv", "run_example", With(With(run, "csv", JsonSerializer.Serialize(csv)), "label_column", JsonSerializer.Serialize(label)),
                    "csv", "label_column", "features", "test_fraction", "hyperparameters.k");
            }

            // Over the inline CSV cap (2 MB by default): refused before parsing.
            yield return Case("csv-too-big", "run_example", With(With(run, "csv", JsonSerializer.Serialize("x,y\n" + string.Concat(Enumerable.Repeat("1,0\n2,1\n", 300_000)))), "label_column", "\"y\""), "csv");
            foreach (var label in new[] { "nope", "0", "1", "x", " y ", "Y" })
            {
                yield return Case("label_column", "run_example", With(With(run, "csv", JsonSerializer.Serialize(CsvTexts[^1])), "label_column", JsonSerializer.Serialize(label)), "label_column", label);
            }

            foreach (var label in new[] { "species", "nope", "0" })
            {
                yield return Case("label_column", "run_example", With(run, "label_column", JsonSerializer.Serialize(label)), "label_column", label);
            }

            foreach (var fraction in new[] { "0", "0.9", "0.95", "-0.1", "1", "\"NaN\"", "1e-300", "0.5", "-0" })
            {
                yield return Case("test_fraction", "run_example", With(run, "test_fraction", fraction), "test_fraction", fraction);
            }

            foreach (var features in new[] { "x", "x,x", ",,,", "sepal length", "nonexistent", "sepal_length", "0", "petal length (cm), petal length (cm)" })
            {
                yield return Case("features", "run_example", With(run, "features", JsonSerializer.Serialize(features)), "features", features);
            }

            var names = HyperparameterNames.ToList();
            foreach (var name in names)
            {
                // Half the values per name and algorithm, chosen by the seed: the cross product would be 1,900 calls.
                foreach (var value in HyperparameterValues.Where(_ => random.Next(2) == 0))
                {
                    var hyperparameters = JsonNode.Parse(run)!["hyperparameters"]?.AsObject().ToJsonString() ?? "{}";
                    var changed = JsonNode.Parse(hyperparameters)!.AsObject();
                    changed[name] = JsonNode.Parse(value);
                    yield return Case("hyperparameter", "run_example", With(run, "hyperparameters", changed.ToJsonString()), "hyperparameters", name.Trim().Length > 0 ? name.Trim() : "hyperparameters");
                }
            }

            yield return Case("hyperparameter", "run_example", With(run, "hyperparameters", "\"iterations=3\""), "hyperparameters");
            yield return Case("hyperparameter", "run_example", With(run, "hyperparameters", "[{\"iterations\":3}]"), "hyperparameters");
            yield return Case("include_plot", "run_example", With(run, "include_plot", "true"), "include_plot");
        }

        // Hyperparameters that are valid one by one but would not fit in memory or time together.
        string[] heavy =
        [
            """{"algorithm":"mlp","hyperparameters":{"hidden_layers":[4096,4096,4096,4096,4096,4096,4096,4096],"iterations":1}}""",
            """{"algorithm":"mlp","hyperparameters":{"hidden_layers":[4096,4096],"iterations":1}}""",
            """{"algorithm":"mlp","hyperparameters":{"hidden_layers":[0],"iterations":1}}""",
            """{"algorithm":"mlp","hyperparameters":{"hidden_layers":[-3],"iterations":1}}""",
            """{"algorithm":"mlp","hyperparameters":{"hidden_layers":[1e9],"iterations":1}}""",
            """{"algorithm":"mlp","hyperparameters":{"hidden_layers":[25.5],"iterations":1}}""",
            """{"algorithm":"mlp","hyperparameters":{"hidden_layers":["abc"],"iterations":1}}""",
            """{"algorithm":"mlp","hyperparameters":{"hidden_layers":[[25]],"iterations":1}}""",
            """{"algorithm":"mlp","hyperparameters":{"hidden_layers":[],"iterations":1}}""",
            """{"algorithm":"mlp","hyperparameters":{"batch_size":1,"iterations":1}}""",
            """{"algorithm":"mlp","hyperparameters":{"batch_size":1000000,"iterations":1}}""",
            """{"algorithm":"k-means","dataset":"iris","hyperparameters":{"k":1000,"iterations":1}}""",
            """{"algorithm":"k-means","dataset":"iris","hyperparameters":{"k":121,"iterations":1}}""",
            """{"algorithm":"k-means","dataset":"iris","hyperparameters":{"k":0}}""",
            """{"algorithm":"k-means","hyperparameters":{"init":"kmeans++","restarts":0}}""",
            """{"algorithm":"linear-regression","hyperparameters":{"learning_rate":"abc"}}""",
            """{"algorithm":"linear-regression","hyperparameters":{"iterations":1e12}}""",
            """{"algorithm":"linear-regression","hyperparameters":{"iterations":100000000}}""",
            """{"algorithm":"logistic-regression","dataset":"digits","hyperparameters":{"polynomial_degree":10,"sinusoid_degree":20,"iterations":1}}""",
            """{"algorithm":"logistic-regression","hyperparameters":{"optimizer":"adam"}}""",
            """{"algorithm":"logistic-regression","hyperparameters":{"optimizer":"GD","learning_rate":1e-300,"iterations":2}}""",
            """{"algorithm":"anomaly-detection","hyperparameters":{"epsilon":0}}""",
            """{"algorithm":"anomaly-detection","hyperparameters":{"epsilon":1e308,"full_covariance":"yes"}}""",
            """{"algorithm":"anomaly-detection","hyperparameters":{"iterations":3}}""",
        ];
        foreach (var arguments in heavy)
        {
            yield return Case("hyperparameter", "run_example", arguments, "hyperparameters");
        }

        string[] sweeps =
        [
            "[]", "\"learning_rate\"", "{}", """{"name":"learning_rate"}""", """{"values":[0.1]}""", """{"name":5,"values":[0.1]}""",
            """{"name":"learning_rate","values":0.1}""", """{"name":"learning_rate","values":[]}""",
            """{"name":"learning_rate","values":[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9]}""", """{"name":"learning_rate","values":["NaN","Infinity"]}""",
            """{"name":"learning_rate","values":[{},[]]}""", """{"name":"bogus","values":[1,2]}""", """{"name":"seed","values":[1,2]}""",
            """{"name":"iterations","values":[1e12]}""", """{"name":"iterations","values":[null]}""", """{"name":"","values":[1]}""",
            """{"name":"learning_rate","values":[0.1,0.2]}""", """{"name":"regularization","values":[-1,0]}""",
        ];
        foreach (var sweep in sweeps)
        {
            yield return Case("sweep", "run_example", With(RunBase("linear-regression"), "sweep", sweep), "sweep", "hyperparameters");
            yield return Case("sweep", "run_example", With(RunBase("multilayer-perceptron"), "sweep",
                sweep.Replace("learning_rate", "hidden_layers", StringComparison.Ordinal).Replace("0.1", "[0]", StringComparison.Ordinal)), "sweep", "hyperparameters");
        }
    }

    private static IEnumerable<AdversarialCase> CompareCases()
    {
        string[] lists =
        [
            "[]", "[\"nope\"]", "[\"k-means\",\"k-means\"]", "[\"\"]", "[\"  \"]", JsonSerializer.Serialize(Enumerable.Repeat("mlp", 50)),
            "[[\"mlp\"]]", "[{}]", "[null]", "[1]", "\"k-means\"", "[\"linear-regresion\"]",
        ];
        foreach (var list in lists)
        {
            yield return Case("algorithms", "compare_algorithms", $$"""{"algorithms":{{list}}}""", "algorithms");
        }

        foreach (var dataset in new[] { "iris", "blobs", "noisy-line", "nope", "" })
        {
            yield return Case("compare-run", "compare_algorithms", $$"""{"algorithms":["logreg","k-means","linear-regression","anomaly-detection"],"run":true,"dataset":"{{dataset}}"}""", "dataset", dataset);
        }

        foreach (var csv in CsvTexts.Take(8))
        {
            yield return Case("compare-run", "compare_algorithms",
                With("""{"algorithms":["logreg","k-means"],"run":true,"label_column":"y"}""", "csv", JsonSerializer.Serialize(csv)), "csv", "label_column", "dataset");
        }

        yield return Case("compare-run", "compare_algorithms", """{"algorithms":["k-means"],"run":true,"csv":"a,b\n1,2\n3,4\n5,6","dataset":"iris"}""", "csv", "dataset", "training rows");
        yield return Case("compare-run", "compare_algorithms", """{"algorithms":["k-means"],"run":true,"seed":-2147483648,"include_plot":true}""", "seed");
    }

    private static AdversarialCase Case(string kind, string tool, string arguments, params string[] accept) => new(kind, tool, arguments, accept);

    private static AdversarialCase Case(string kind, string tool, string arguments, string property, string value) =>
        new(kind, tool, arguments, [property, .. Offending(value)]);

    /// <summary>How an offending value may appear in a message: as written, unquoted, or as the number it is.</summary>
    private static IEnumerable<string> Offending(string value)
    {
        if (value.Length is < 2 or > 100)
        {
            yield break;
        }

        yield return value;
        yield return value.Trim();
        if (value.StartsWith('"'))
        {
            var unquoted = JsonSerializer.Deserialize<string>(value);
            if (unquoted is { Length: >= 2 })
            {
                yield return unquoted.Trim();
            }
        }
    }

    private static string With(string arguments, string name, string valueJson)
    {
        var node = JsonNode.Parse(arguments)!.AsObject();
        node[name] = JsonNode.Parse(valueJson);
        return node.ToJsonString();
    }

    private static JsonNode? RandomJson(Random random, int depth)
    {
        switch (random.Next(depth > 0 ? 9 : 7))
        {
            case 0: return null;
            case 1: return random.Next(2) == 0;
            case 2: return random.Next(-5, 1000);
            case 3: return JsonNode.Parse(((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 300))).ToString("R", CultureInfo.InvariantCulture));
            case 4: return RandomString(random, 0, 30);
            case 5: return new[] { "k-means", "iris", "NaN", "Infinity", "-1", "mlp", "digits", "learning_rate", "" }[random.Next(9)];
            case 6: return JsonNode.Parse(new[] { "1e400", "-0", "1E-400", "18446744073709551616" }[random.Next(4)]);
            case 7:
                var array = new JsonArray();
                for (int i = random.Next(0, 4); i > 0; i--)
                {
                    array.Add(RandomJson(random, depth - 1));
                }

                return array;
            default:
                var obj = new JsonObject();
                for (int i = random.Next(0, 4); i > 0; i--)
                {
                    obj[RandomString(random, 1, 8)] = RandomJson(random, depth - 1);
                }

                return obj;
        }
    }

    private static string RandomString(Random random, int min, int max)
    {
        string[] alphabet = [.. "abcdefghijklmnopqrstuvwxyz_-,;. 0123456789\"\\{}[]éñ\t\n".Select(c => c.ToString()), "😀", "\u0000"];
        var text = new StringBuilder();
        for (int i = random.Next(min, max + 1); i > 0; i--)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }
}
