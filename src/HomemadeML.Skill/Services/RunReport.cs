using System.Text.Json.Serialization;

namespace HomemadeML.Skill.Services;

/// <summary>
/// What one real training run did and measured: the structured result of run_example (for a sweep, the run with the
/// lowest final cost, with every run in <see cref="Sweep"/>) and of the CLI's --json.
/// </summary>
public sealed record RunReport
{
    public required string Algorithm { get; init; }

    public required DatasetSummary Dataset { get; init; }

    /// <summary>Every hyperparameter value the run used, defaults included.</summary>
    public required IReadOnlyDictionary<string, object> Hyperparameters { get; init; }

    public required int Seed { get; init; }

    public required RunMetrics Metrics { get; init; }

    /// <summary>At most 50 points of the cost per iteration; the first and last are always kept.</summary>
    public required IReadOnlyList<CostPoint> CostHistory { get; init; }

    /// <summary>completed_iterations, converged, diverged or time_limit_reached.</summary>
    public required string StopReason { get; init; }

    public required int IterationsRun { get; init; }

    /// <summary>Learned parameters when they are small enough to read (θ, centroids, μ and σ²).</summary>
    public IReadOnlyDictionary<string, double[]>? Parameters { get; init; }

    public required IReadOnlyList<SamplePrediction> SamplePredictions { get; init; }

    public required double TrainingMs { get; init; }

    /// <summary>A plain reading of the result: converged or not, diverged and why, over-fitting.</summary>
    public required string Reading { get; init; }

    public NotebookLink? Notebook { get; init; }

    /// <summary>For a sweep: every run, side by side.</summary>
    public SweepReport? Sweep { get; init; }

    /// <summary>With include_plot: the charts returned as images, also readable later at their resource URI.</summary>
    public IReadOnlyList<ChartLink>? Charts { get; init; }

    /// <summary>The trained model and data, for charts; never serialized.</summary>
    [JsonIgnore]
    public RunArtifacts? Artifacts { get; init; }
}

public sealed record DatasetSummary(string Name, int Rows, int Features, int Classes, IReadOnlyList<string> FeatureNames, int TrainRows, int TestRows);

/// <summary>Metric name → value, on the training rows and on the held-out rows (absent when test_fraction is 0).</summary>
/// <remarks>Optional members are init properties, not constructor parameters: a null one is left out of the JSON, and a
/// constructor parameter would be "required" in the output schema that strict clients validate against.</remarks>
public sealed record RunMetrics
{
    public required IReadOnlyDictionary<string, double> Train { get; init; }

    public IReadOnlyDictionary<string, double>? Test { get; init; }
}

public sealed record CostPoint(int Iteration, double Cost);

public sealed record SamplePrediction(int Row, string Actual, string Predicted);

public sealed record NotebookLink(string Title, string Binder, string Nbviewer, string Github);

/// <summary>One chart of a run: its name, the resource URI where its PNG stays readable, and what it shows.</summary>
public sealed record ChartLink(string Name, string Uri, string Description);

/// <summary>The results of a sweep: one run per value of one hyperparameter, on the same data and split.</summary>
public sealed record SweepReport(string Algorithm, string Parameter, IReadOnlyList<string> Values, IReadOnlyList<RunReport> Runs, string Reading);

/// <summary>What a chart needs from a run: the split data and the trained model.</summary>
public sealed record RunArtifacts(Engine.Data.Dataset Train, Engine.Data.Dataset Test, object Model, IReadOnlyList<double> FullCostHistory);
