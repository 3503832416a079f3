using System.Diagnostics;
using System.Globalization;
using System.Text;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Data;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Metrics;
using HomemadeML.Engine.Optimization;
using HomemadeML.Engine.Training;

namespace HomemadeML.Skill.Services;

/// <summary>
/// Trains the engine for run_example, compare_algorithms and the CLI: validates the request, loads and splits the
/// data, trains under the wall-time cap with progress and cancellation, and measures the result. Holds no state
/// between calls besides the gate that bounds concurrent trainings.
/// </summary>
public sealed class ExampleRunner(SkillLimits limits, Func<string, NotebookLink?>? notebookFor = null)
{
    private const int MaxCostPoints = 50;
    private const int SampleCount = 5;
    private readonly SemaphoreSlim _trainingSlots = new(limits.MaxConcurrentTrainings);

    public SkillLimits Limits => limits;

    public async Task<RunReport> RunAsync(RunRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var split = Prepare(request);
        await _trainingSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A dedicated thread, not a thread-pool one: a training holds its thread for seconds while the engine's matrix
            // products queue their slabs to the pool, so on a 2-core machine the pool had no thread left to read the next
            // message (a cancel took ~0.9 s to arrive while the pool grew). The pool stays free for the protocol.
            return await Task.Factory.StartNew(() => Train(request, split, progress, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                .ConfigureAwait(false);
        }
        finally
        {
            _trainingSlots.Release();
        }
    }

    /// <summary>One run per value of <paramref name="parameter"/>, all on the same data, split and seed.</summary>
    public async Task<SweepReport> SweepAsync(RunRequest request, string parameter, IReadOnlyList<string> values, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (values.Count is 0 || values.Count > limits.MaxSweepValues)
        {
            throw new SkillArgumentException("sweep", $"sweep.values: got {values.Count} values; allowed: 1…{limits.MaxSweepValues}.");
        }

        var runs = new List<RunReport>();
        for (int i = 0; i < values.Count; i++)
        {
            var stepProgress = progress is null ? null : new Progress(p => progress.Report(p with { Stage = $"{parameter} = {values[i]} ({i + 1} of {values.Count}): {p.Stage}" }));
            runs.Add(await RunAsync(request with { Hyperparameters = request.Hyperparameters.With(parameter, values[i]) }, stepProgress, cancellationToken).ConfigureAwait(false));
        }

        var best = runs.Where(r => r.StopReason != "diverged").OrderBy(r => r.CostHistory[^1].Cost).FirstOrDefault();
        var diverged = runs.Where(r => r.StopReason == "diverged").Select((r, i) => values[runs.IndexOf(r)]).ToList();
        var reading = new StringBuilder($"Swept {parameter} over {string.Join(", ", values)}. ");
        if (best is not null)
        {
            reading.Append(CultureInfo.InvariantCulture, $"Lowest final cost {best.CostHistory[^1].Cost:G4} with {parameter} = {values[runs.IndexOf(best)]}. ");
        }

        if (diverged.Count > 0)
        {
            reading.Append(CultureInfo.InvariantCulture, $"Diverged with {parameter} = {string.Join(", ", diverged)}: the steps overshoot the minimum and the cost explodes.");
        }

        return new SweepReport(request.Algorithm, parameter, values, runs, reading.ToString().Trim());
    }

    /// <summary>Loads, checks and splits the data before any training starts.</summary>
    private TrainTestSplit Prepare(RunRequest request)
    {
        var info = AlgorithmCatalog.Get(request.Algorithm);
        if (!(request.TestFraction >= 0 && request.TestFraction <= 0.9))
        {
            throw new SkillArgumentException("test_fraction", $"test_fraction: got {request.TestFraction.ToString(CultureInfo.InvariantCulture)}; allowed: a number in [0, 0.9] (0 trains and reports on every row).");
        }

        var data = request.Csv.Length > 0 ? FromCsv(request, info) : FromBuiltIn(request, info);
        string source = request.Csv.Length > 0 ? "csv" : "dataset";
        if ((long)data.Rows * data.FeatureCount > limits.MaxCells)
        {
            throw new SkillArgumentException(source, $"{source}: the data has {data.Rows} rows × {data.FeatureCount} features; at most {limits.MaxCells} cells are allowed.");
        }

        RequireTarget(info, data, source);
        var split = TrainTestSplit.Create(data, request.TestFraction, request.Seed);
        if (split.Train.Rows < 2)
        {
            throw new SkillArgumentException("test_fraction", $"test_fraction {request.TestFraction} leaves {split.Train.Rows} training row(s); at least 2 are needed.");
        }

        if (info.Task == "classification" && split.Train.Labels!.Distinct().Count() < 2)
        {
            throw new SkillArgumentException("label_column", $"label_column: the training rows hold a single class ('{data.ClassNames![split.Train.Labels![0]]}'); classification needs at least 2.");
        }

        return split;
    }

    /// <summary>The built-in dataset's name (trimmed, lower case), or an error naming the value and the allowed names.</summary>
    public static string RequireBuiltInDataset(string dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var name = dataset.Trim().ToLowerInvariant();
        return BuiltInDatasets.Names.Contains(name)
            ? name
            : throw new SkillArgumentException("dataset", $"dataset: '{dataset}' is not a built-in dataset; allowed: {string.Join(", ", BuiltInDatasets.Names)} (or pass your own data in csv).");
    }

    private Dataset FromBuiltIn(RunRequest request, AlgorithmInfo info)
    {
        var name = request.Dataset.Length == 0 ? info.DefaultDataset : RequireBuiltInDataset(request.Dataset);

        Dataset data;
        try
        {
            data = BuiltInDatasets.Load(name, request.Seed, limits.FashionMnistFolder);
        }
        catch (FileNotFoundException ex)
        {
            throw new SkillArgumentException("dataset", $"dataset: {ex.Message}");
        }

        if (request.LabelColumn.Length > 0 && !string.Equals(request.LabelColumn, data.TargetName, StringComparison.OrdinalIgnoreCase))
        {
            throw new SkillArgumentException("label_column", $"label_column: '{request.LabelColumn}' is not the target of {name}; its target is '{data.TargetName}' (label_column applies to csv data).");
        }

        if (request.Features.Count == 0)
        {
            return data;
        }

        var indices = request.Features.Select(f =>
        {
            int index = data.FeatureNames.ToList().FindIndex(n => string.Equals(n, f.Trim(), StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? index : throw new SkillArgumentException("features", $"features: '{f}' is not a column of {name}; columns: {string.Join(", ", data.FeatureNames)}.");
        }).ToArray();
        return data with { Features = data.Features.SelectColumns(indices), FeatureNames = [.. indices.Select(i => data.FeatureNames[i])] };
    }

    private Dataset FromCsv(RunRequest request, AlgorithmInfo info)
    {
        if (request.Dataset.Length > 0)
        {
            throw new SkillArgumentException("csv", "csv and dataset were both given; pass one of them.");
        }

        int bytes = Encoding.UTF8.GetByteCount(request.Csv);
        if (bytes > limits.MaxCsvBytes)
        {
            throw new SkillArgumentException("csv", $"csv: got {bytes} bytes; allowed: at most {limits.MaxCsvBytes} bytes (HOMEMADE_ML_MAX_CSV_BYTES raises it).");
        }

        if (request.LabelColumn.Length == 0 && info.Id != "k-means")
        {
            throw new SkillArgumentException("label_column", $"label_column is required with csv for {info.Id}: name the column holding the {(info.Task == "regression" ? "target value" : info.Task == "anomaly" ? "0/1 anomaly flag" : "class")}.");
        }

        try
        {
            // A byte-order mark pasted from a spreadsheet export would otherwise become part of the first column's name.
            return CsvReader.Read(request.Csv.TrimStart('\uFEFF'), new CsvReadOptions
            {
                Name = "csv",
                LabelColumn = request.LabelColumn.Length > 0 ? request.LabelColumn : null,
                FeatureColumns = request.Features,
                LabelIsClass = info.Task != "regression",
            });
        }
        catch (CsvFormatException ex)
        {
            var argument = ex.Message.Contains("label column", StringComparison.Ordinal) ? "label_column" : ex.Message.Contains("feature column", StringComparison.Ordinal) ? "features" : "csv";
            throw new SkillArgumentException(argument, $"{argument}: {ex.Message}");
        }
    }

    /// <summary>The data must have the target the algorithm learns; <paramref name="source"/> (csv or dataset) is the argument to blame.</summary>
    private static void RequireTarget(AlgorithmInfo info, Dataset data, string source)
    {
        switch (info.Task)
        {
            case "regression" when data.Targets is null:
                throw new SkillArgumentException(source, $"{source}: {info.Id} needs a numeric target; '{data.Name}' has classes. Try {string.Join(" or ", info.SuitableDatasets)}.");
            case "classification" when data.Labels is null:
                throw new SkillArgumentException(source, $"{source}: {info.Id} needs class labels; '{data.Name}' has none. Try {string.Join(", ", info.SuitableDatasets)}.");
            case "anomaly" when data.Labels is null || data.ClassCount != 2 || !data.ClassNames!.SequenceEqual(["0", "1"]) && data.Name == "csv":
                string holds = data.ClassNames is { } names
                    ? $"it holds {string.Join(", ", names.Take(5).Select(n => $"'{n}'"))}{(names.Count > 5 ? $" and {names.Count - 5} more" : "")}"
                    : "it has no label";
                throw source == "csv"
                    ? new SkillArgumentException("label_column", $"label_column: anomaly-detection needs a column of 0 (normal) and 1 (anomaly) to choose its threshold ε; '{data.TargetName}': {holds}.")
                    : new SkillArgumentException("dataset", $"dataset: anomaly-detection needs labels of 0 (normal) and 1 (anomaly) to choose its threshold ε; '{data.Name}': {holds}. Try {string.Join(", ", info.SuitableDatasets)}.");
        }
    }

    private RunReport Train(RunRequest request, TrainTestSplit split, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var h = request.Hyperparameters;
        var trainingLimits = new TrainingLimits { MaxWallTime = limits.MaxTrainingTime };
        var clock = Stopwatch.StartNew();
        var train = split.Train;
        var test = split.Test;
        var outcome = request.Algorithm switch
        {
            "linear-regression" => LinearRegression(h, train, test, progress, trainingLimits, cancellationToken),
            "logistic-regression" => LogisticRegression(h, train, test, progress, trainingLimits, cancellationToken),
            "multilayer-perceptron" => MultilayerPerceptron(h, train, test, request.Seed, progress, trainingLimits, cancellationToken),
            "k-means" => KMeans(h, train, test, request.Seed, progress, trainingLimits, cancellationToken),
            "anomaly-detection" => AnomalyDetection(h, train, test, progress, trainingLimits, cancellationToken),
            _ => throw new SkillArgumentException("algorithm", $"algorithm: '{request.Algorithm}' has no runner."),
        };
        double trainingMs = clock.Elapsed.TotalMilliseconds;
        var data = train;
        return new RunReport
        {
            Algorithm = request.Algorithm,
            Dataset = new DatasetSummary(data.Name, train.Rows + test.Rows, data.FeatureCount, data.ClassCount, data.FeatureNames, train.Rows, test.Rows),
            Hyperparameters = h.Used,
            Seed = request.Seed,
            Metrics = new RunMetrics { Train = outcome.Train, Test = test.Rows > 0 ? outcome.Test : null },
            CostHistory = Thin(outcome.CostHistory),
            StopReason = Snake(outcome.StopReason),
            IterationsRun = outcome.IterationsRun,
            Parameters = outcome.Parameters,
            SamplePredictions = outcome.Samples,
            TrainingMs = Math.Round(trainingMs, 1),
            Reading = Read(request.Algorithm, outcome, test.Rows > 0, h),
            Notebook = notebookFor?.Invoke(request.Algorithm),
            Artifacts = new RunArtifacts(train, test, outcome.Model, outcome.CostHistory),
        };
    }

    /// <summary>
    /// Polynomial and sinusoid terms multiply the columns (d(d + 3)/2 per feature pair, d per feature for sines): the expanded
    /// design matrix must fit the same cell budget as the data, or a high degree on wide data asks for gigabytes.
    /// </summary>
    private void RequireExpandedFeaturesFit(Dataset train, int polynomialDegree, int sinusoidDegree)
    {
        long n = train.FeatureCount;
        long pairs = polynomialDegree > 0 ? (n + 1) / 2 : 0;
        long columns = 1 + n + (n * sinusoidDegree) + (pairs * (polynomialDegree * (polynomialDegree + 3) / 2));
        if (columns * train.Rows > limits.MaxCells)
        {
            throw new SkillArgumentException("hyperparameters",
                $"hyperparameters.polynomial_degree {polynomialDegree} and sinusoid_degree {sinusoidDegree} turn {n} features into {columns} columns × {train.Rows} training rows = {columns * train.Rows} cells; " +
                $"allowed: at most {limits.MaxCells} cells (lower the degrees or use fewer features).");
        }
    }

    /// <summary>
    /// The network's weights, and its activations on every training (or test) row — prediction runs on all rows at once —
    /// must fit: a few wide layers on a big dataset would otherwise ask for gigabytes before the first iteration.
    /// </summary>
    private void RequireNetworkFits(IReadOnlyList<int> hiddenLayers, Dataset train, Dataset test)
    {
        long[] sizes = [train.FeatureCount, .. hiddenLayers.Select(h => (long)h), train.ClassCount];
        long weights = 0, units = 0;
        for (int l = 1; l < sizes.Length; l++)
        {
            weights += sizes[l] * (sizes[l - 1] + 1);
            units += sizes[l] + 1;
        }

        string layers = string.Join(",", hiddenLayers);
        if (weights > limits.MaxNetworkWeights)
        {
            throw new SkillArgumentException("hyperparameters",
                $"hyperparameters.hidden_layers: got [{layers}], which on {train.FeatureCount} features and {train.ClassCount} classes makes {weights} weights; allowed: at most {limits.MaxNetworkWeights} (fewer or narrower layers).");
        }

        long rows = Math.Max(train.Rows, test.Rows);
        if (units * rows > limits.MaxCells)
        {
            throw new SkillArgumentException("hyperparameters",
                $"hyperparameters.hidden_layers: got [{layers}], which on {rows} rows needs {units * rows} activations; allowed: at most {limits.MaxCells} (narrower layers or less data).");
        }
    }

    private sealed record Outcome(
        object Model, IReadOnlyList<double> CostHistory, StopReason StopReason, int IterationsRun,
        Dictionary<string, double> Train, Dictionary<string, double> Test,
        IReadOnlyDictionary<string, double[]>? Parameters, IReadOnlyList<SamplePrediction> Samples);

    private Outcome LinearRegression(Hyperparameters h, Dataset train, Dataset test, IProgress<TrainingProgress>? progress, TrainingLimits trainingLimits, CancellationToken ct)
    {
        var options = new LinearRegressionOptions
        {
            LearningRate = h.Number("learning_rate", 0.01, 0, 100, minExclusive: true),
            Iterations = h.Integer("iterations", 500, 1, limits.MaxIterations),
            Regularization = h.Number("regularization", 0, 0, 1e6),
            PolynomialDegree = h.Integer("polynomial_degree", 0, 0, 10),
            SinusoidDegree = h.Integer("sinusoid_degree", 0, 0, 20),
            Normalize = h.Flag("normalize", true),
        };
        h.RequireAllUsed("linear-regression");
        RequireExpandedFeaturesFit(train, options.PolynomialDegree, options.SinusoidDegree);
        var model = new LinearRegression(options).Fit(train.Features, train.Targets!, progress, trainingLimits, ct);
        Dictionary<string, double> Score(Dataset d)
        {
            if (d.Rows == 0)
            {
                return [];
            }

            var predicted = model.Predict(d.Features);
            var scores = new Dictionary<string, double>
            {
                ["mse"] = RegressionMetrics.MeanSquaredError(d.Targets, predicted),
                ["rmse"] = RegressionMetrics.RootMeanSquaredError(d.Targets, predicted),
            };
            if (d.Rows > 1)
            {
                scores["r2"] = RegressionMetrics.RSquared(d.Targets, predicted);
            }

            return scores;
        }

        var shown = test.Rows > 0 ? test : train;
        var shownPredictions = model.Predict(shown.Features);
        var samples = Enumerable.Range(0, Math.Min(SampleCount, shown.Rows))
            .Select(i => new SamplePrediction(i, Format(shown.Targets![i]), Format(shownPredictions[i]))).ToList();
        var parameters = model.Theta.Count <= 20 ? new Dictionary<string, double[]> { ["theta"] = [.. model.Theta] } : null;
        return new Outcome(model, model.CostHistory, model.StopReason, model.IterationsRun, Score(train), Score(test), parameters, samples);
    }

    private Outcome LogisticRegression(Hyperparameters h, Dataset train, Dataset test, IProgress<TrainingProgress>? progress, TrainingLimits trainingLimits, CancellationToken ct)
    {
        var optimizer = h.Choice("optimizer", "lbfgs", "gd", "cg", "lbfgs");
        var options = new LogisticRegressionOptions
        {
            Optimizer = optimizer switch { "gd" => OptimizerKind.GradientDescent, "cg" => OptimizerKind.ConjugateGradient, _ => OptimizerKind.Lbfgs },
            LearningRate = h.Number("learning_rate", 0.5, 0, 100, minExclusive: true),
            Iterations = h.Integer("iterations", optimizer == "gd" ? 1000 : 300, 1, limits.MaxIterations),
            Regularization = h.Number("regularization", 0, 0, 1e6),
            PolynomialDegree = h.Integer("polynomial_degree", 0, 0, 10),
            SinusoidDegree = h.Integer("sinusoid_degree", 0, 0, 20),
            Normalize = h.Flag("normalize", true),
        };
        h.RequireAllUsed("logistic-regression");
        RequireExpandedFeaturesFit(train, options.PolynomialDegree, options.SinusoidDegree);
        var model = new LogisticRegression(options).Fit(train.Features, train.Labels!, train.ClassCount, progress, trainingLimits, ct);
        var parameters = model.Theta.Data.Length <= 60
            ? Enumerable.Range(0, model.ClassCount).ToDictionary(k => $"theta[{train.ClassNames![k]}]", k => model.Theta.Row(k).ToArray())
            : null;
        return Classified(model, model.Predict, model.CostHistory, model.StopReason, model.IterationsRun, train, test, parameters);
    }

    private Outcome MultilayerPerceptron(Hyperparameters h, Dataset train, Dataset test, int seed, IProgress<TrainingProgress>? progress, TrainingLimits trainingLimits, CancellationToken ct)
    {
        // Defaults differ from homemade's MNIST demo (α 0.1, λ 3): on the 8×8 digits, α 1 and λ 1 learn in seconds.
        var options = new MultilayerPerceptronOptions
        {
            HiddenLayers = h.IntegerList("hidden_layers", [25], 1, Engine.Algorithms.MultilayerPerceptronOptions.MaxHiddenUnits, Engine.Algorithms.MultilayerPerceptronOptions.MaxHiddenLayers),
            LearningRate = h.Number("learning_rate", 1, 0, 100, minExclusive: true),
            Iterations = h.Integer("iterations", 300, 1, limits.MaxIterations),
            Regularization = h.Number("regularization", 1, 0, 1e6),
            Normalize = h.Flag("normalize", true),
            InitEpsilon = h.Number("epsilon", 0.12, 0, 10, minExclusive: true),
            BatchSize = h.Integer("batch_size", 0, 0, 1_000_000),
            Momentum = h.Number("momentum", 0, 0, 0.999),
            Seed = seed,
        };
        h.RequireAllUsed("multilayer-perceptron");
        RequireNetworkFits(options.HiddenLayers, train, test);
        var model = new MultilayerPerceptron(options).Fit(train.Features, train.Labels!, train.ClassCount, progress, trainingLimits, ct);
        return Classified(model, model.Predict, model.CostHistory, model.StopReason, model.IterationsRun, train, test, null);
    }

    private Outcome KMeans(Hyperparameters h, Dataset train, Dataset test, int seed, IProgress<TrainingProgress>? progress, TrainingLimits trainingLimits, CancellationToken ct)
    {
        var options = new KMeansOptions
        {
            K = h.Integer("k", train.ClassCount > 0 ? train.ClassCount : 3, 1, 1000),
            MaxIterations = h.Integer("iterations", 50, 1, limits.MaxIterations),
            Init = h.Choice("init", "random", "random", "kmeans++") == "random" ? KMeansInit.RandomSample : KMeansInit.KMeansPlusPlus,
            Restarts = h.Integer("restarts", 1, 1, 100),
            Seed = seed,
        };
        h.RequireAllUsed("k-means");
        if (options.K > train.Rows)
        {
            throw new SkillArgumentException("hyperparameters", h.IsGiven("k")
                ? $"hyperparameters.k: got {options.K}; allowed: at most the {train.Rows} training rows."
                : $"hyperparameters.k: the default k = {options.K} is more than the {train.Rows} training rows; give more rows or hyperparameters.k of at most {train.Rows}.");
        }

        var model = new KMeans(options).Fit(train.Features, progress, trainingLimits, ct);
        Dictionary<string, double> Score(Dataset d, int[] clusters)
        {
            if (d.Rows == 0)
            {
                return [];
            }

            var scores = new Dictionary<string, double> { ["inertia"] = Engine.Algorithms.KMeans.Inertia(d.Features, model.Centroids, clusters) };
            if (d.Labels is not null)
            {
                // Purity: the share of rows whose cluster's most common true label is their own.
                scores["purity"] = clusters.Zip(d.Labels).GroupBy(p => p.First).Sum(g => g.GroupBy(p => p.Second).Max(l => l.Count())) / (double)d.Rows;
            }

            return scores;
        }

        var shown = test.Rows > 0 ? test : train;
        var shownClusters = model.Predict(shown.Features);
        var samples = Enumerable.Range(0, Math.Min(SampleCount, shown.Rows))
            .Select(i => new SamplePrediction(i, shown.Labels is { } l ? shown.ClassNames![l[i]] : "", $"cluster {shownClusters[i]}")).ToList();
        var parameters = model.Centroids.Data.Length <= 100
            ? Enumerable.Range(0, model.K).ToDictionary(c => $"centroid[{c}]", c => model.Centroids.Row(c).ToArray())
            : null;
        return new Outcome(model, model.CostHistory, model.StopReason, model.IterationsRun,
            Score(train, [.. model.Assignments]), Score(test, test.Rows > 0 ? model.Predict(test.Features) : []), parameters, samples);
    }

    private static Outcome AnomalyDetection(Hyperparameters h, Dataset train, Dataset test, IProgress<TrainingProgress>? progress, TrainingLimits trainingLimits, CancellationToken ct)
    {
        bool full = h.Flag("full_covariance", false);
        double? fixedEpsilon = h.IsGiven("epsilon") ? h.Number("epsilon", 0, 0, double.MaxValue, minExclusive: true) : null;
        h.RequireAllUsed("anomaly-detection");
        var model = new GaussianAnomalyDetection(new() { FullCovariance = full }).Fit(train.Features, progress, trainingLimits, ct);
        var trainLogDensity = model.LogDensity(train.Features);
        if (!train.Labels!.Contains(1) && fixedEpsilon is null)
        {
            throw new SkillArgumentException("test_fraction", "the training rows hold no labelled anomaly (1), so ε cannot be chosen by F1; lower test_fraction or give hyperparameters.epsilon.");
        }

        var selection = fixedEpsilon is null ? ThresholdSelection.Select(trainLogDensity, train.Labels!) : null;
        double logEpsilon = fixedEpsilon is { } e ? Math.Log(e) : selection!.LogEpsilon;
        Dictionary<string, double> Score(Dataset d)
        {
            if (d.Rows == 0)
            {
                return [];
            }

            var flagged = model.Flag(d.Features, logEpsilon).Select(f => f ? 1 : 0).ToArray();
            var s = ClassificationMetrics.PrecisionRecallF1(d.Labels, flagged);
            return new() { ["precision"] = s.Precision, ["recall"] = s.Recall, ["f1"] = s.F1, ["epsilon"] = Math.Exp(logEpsilon), ["log_epsilon"] = logEpsilon };
        }

        var shown = test.Rows > 0 ? test : train;
        var shownFlags = model.Flag(shown.Features, logEpsilon);
        var order = Enumerable.Range(0, shown.Rows).OrderByDescending(i => shown.Labels![i]).Take(SampleCount);
        var samples = order.Select(i => new SamplePrediction(i, shown.ClassNames![shown.Labels![i]], shownFlags[i] ? "anomaly" : "normal")).ToList();
        var parameters = model.Mean.Count <= 20 ? new Dictionary<string, double[]> { ["mu"] = [.. model.Mean], ["sigma2"] = [.. model.Variance] } : null;
        var history = selection is null ? [] : (IReadOnlyList<double>)[.. selection.History.Select(c => 1 - c.F1)];
        return new Outcome(model, history, StopReason.Converged, 1, Score(train), Score(test), parameters, samples);
    }

    private static Outcome Classified(object model, Func<Matrix, int[]> predict, IReadOnlyList<double> costs, StopReason stop, int iterations, Dataset train, Dataset test, IReadOnlyDictionary<string, double[]>? parameters)
    {
        Dictionary<string, double> Score(Dataset d) =>
            d.Rows == 0 ? [] : new() { ["accuracy"] = ClassificationMetrics.Accuracy(d.Labels, predict(d.Features)) };
        var shown = test.Rows > 0 ? test : train;
        var predicted = predict(shown.Features);
        var samples = Enumerable.Range(0, Math.Min(SampleCount, shown.Rows))
            .Select(i => new SamplePrediction(i, shown.ClassNames![shown.Labels![i]], shown.ClassNames[predicted[i]])).ToList();
        return new Outcome(model, costs, stop, iterations, Score(train), Score(test), parameters, samples);
    }

    /// <summary>At most 50 evenly spread points, always with the first and the last.</summary>
    private static List<CostPoint> Thin(IReadOnlyList<double> costs)
    {
        if (costs.Count <= MaxCostPoints)
        {
            return [.. costs.Select((c, i) => new CostPoint(i + 1, c))];
        }

        return [.. Enumerable.Range(0, MaxCostPoints)
            .Select(p => (int)Math.Round(p * (costs.Count - 1) / (double)(MaxCostPoints - 1)))
            .Distinct()
            .Select(i => new CostPoint(i + 1, costs[i]))];
    }

    private static string Read(string algorithm, Outcome outcome, bool hasTest, Hyperparameters h)
    {
        var text = new StringBuilder();
        var costs = outcome.CostHistory;
        switch (outcome.StopReason)
        {
            case StopReason.Diverged:
                text.Append("Training diverged: the cost became infinite or exploded, so the model keeps the last sane parameters. ");
                text.Append(h.Used.TryGetValue("learning_rate", out var rate)
                    ? $"The likely cause is a learning rate too large ({rate}): each step overshoots the minimum. Try a value 10× smaller, and keep normalize on so features share one scale. "
                    : "Check for unscaled features. ");
                break;
            case StopReason.TimeLimitReached:
                text.Append(CultureInfo.InvariantCulture, $"Training was cut short by the wall-time cap after {outcome.IterationsRun} iterations; the numbers are from the model it had. ");
                break;
            case StopReason.Converged:
                text.Append(algorithm == "anomaly-detection"
                    ? "The Gaussian is fitted in one pass (μ and σ² have closed forms); the threshold ε was scanned for the best F1. "
                    : $"Training converged after {outcome.IterationsRun} iterations. ");
                break;
            default:
                if (costs.Count >= 10)
                {
                    double late = costs[^1], earlier = costs[(int)(costs.Count * 0.9)];
                    double change = Math.Abs(earlier - late) / Math.Max(Math.Abs(late), 1e-12);
                    text.Append(change < 1e-3
                        ? $"The cost flattened out ({costs[0]:G4} → {late:G4}): more iterations would change little. "
                        : $"The cost was still falling at the end ({costs[0]:G4} → {late:G4}): more iterations or a larger learning rate would help. ");
                }

                break;
        }

        if (hasTest)
        {
            foreach (var metric in new[] { "accuracy", "r2", "f1" })
            {
                if (outcome.Train.TryGetValue(metric, out var onTrain) && outcome.Test.TryGetValue(metric, out var onTest))
                {
                    double gap = onTrain - onTest;
                    text.Append(CultureInfo.InvariantCulture, $"{metric}: {onTrain:F3} on training rows, {onTest:F3} on held-out rows");
                    text.Append(gap > 0.1
                        ? " — a large gap: the model fits the training rows better than new data (over-fitting); more regularization or a simpler model helps. "
                        : onTrain < 0.7 && metric != "f1" ? " — low on both: the model is too simple for this data (under-fitting). " : " — it generalizes. ");
                    break;
                }
            }
        }

        if (outcome.Train.TryGetValue("inertia", out var inertia))
        {
            text.Append(CultureInfo.InvariantCulture, $"Inertia (sum of squared distances to the centroids) is {inertia:G5}");
            text.Append(outcome.Train.TryGetValue("purity", out var purity) ? $"; {purity:P0} of rows share their cluster's majority label. " : ". ");
        }

        return text.ToString().Trim();
    }

    private static string Snake(StopReason reason) => reason switch
    {
        StopReason.CompletedIterations => "completed_iterations",
        StopReason.Converged => "converged",
        StopReason.Diverged => "diverged",
        _ => "time_limit_reached",
    };

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private sealed class Progress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
