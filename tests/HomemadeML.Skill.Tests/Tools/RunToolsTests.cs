using System.Text.Json;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Data;
using HomemadeML.Engine.Metrics;
using ModelContextProtocol;

namespace HomemadeML.Skill.Tests.Tools;

public class RunToolsTests : SkillTestBase
{
    public static TheoryData<string> Algorithms => ["linear-regression", "logistic-regression", "multilayer-perceptron", "k-means", "anomaly-detection"];

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task RunExample_DefaultDataset_ReturnsMeasuredMetricsAndCostHistory(string algorithm)
    {
        var result = await CallAsync("run_example", new { algorithm, seed = 3 });
        Assert.NotEqual(true, result.IsError);
        var structured = result.StructuredContent!.Value;
        Assert.Equal(algorithm, structured.GetProperty("algorithm").GetString());
        Assert.True(structured.GetProperty("metrics").GetProperty("train").EnumerateObject().Any());
        Assert.True(structured.GetProperty("metrics").GetProperty("test").EnumerateObject().Any());
        Assert.InRange(structured.GetProperty("cost_history").GetArrayLength(), 1, 50);
        Assert.True(structured.GetProperty("training_ms").GetDouble() >= 0);
        Assert.False(string.IsNullOrWhiteSpace(structured.GetProperty("reading").GetString()));
        Assert.Contains("Reading", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunExample_LogisticOnIris_EqualsTheEngineCalledDirectly()
    {
        var result = await CallAsync("run_example", new { algorithm = "logreg", dataset = "iris", seed = 11, test_fraction = 0.3 });
        double reported = result.StructuredContent!.Value.GetProperty("metrics").GetProperty("test").GetProperty("accuracy").GetDouble();

        var split = TrainTestSplit.Create(BuiltInDatasets.Load("iris"), 0.3, seed: 11);
        var model = new LogisticRegression(new LogisticRegressionOptions { Iterations = 300 }).Fit(split.Train.Features, split.Train.Labels!, 3, cancellationToken: TestContext.Current.CancellationToken);
        double direct = ClassificationMetrics.Accuracy(split.Test.Labels, model.Predict(split.Test.Features));
        Assert.Equal(direct, reported);
    }

    [Fact]
    public async Task RunExample_Sweep_ReturnsOneRunPerValueAndMarksTheDivergingOne()
    {
        var result = await CallAsync("run_example", new
        {
            algorithm = "linear-regression",
            sweep = new { name = "learning_rate", values = new[] { 0.001, 0.01, 0.1, 2.5 } },
        });
        Assert.NotEqual(true, result.IsError);
        var runs = result.StructuredContent!.Value.GetProperty("sweep").GetProperty("runs");
        Assert.Equal(4, runs.GetArrayLength());
        Assert.Equal("diverged", runs[3].GetProperty("stop_reason").GetString());
        Assert.Contains("learning rate too large", runs[3].GetProperty("reading").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> CsvCases => new()
    {
        { "linear-regression", "size,price\n1,3.1\n2,5.0\n3,7.2\n4,8.9\n5,11.1\n6,13.0\n7,15.2\n8,16.8\n9,19.1\n10,21.0\n", "price" },
        { "logistic-regression", "a,b,kind\n0,0,x\n0,1,x\n1,0,x\n1,1,x\n5,5,y\n5,6,y\n6,5,y\n6,6,y\n0,0.5,x\n5.5,5.5,y\n", "kind" },
        { "multilayer-perceptron", "a,b,kind\n0,0,x\n0,1,x\n1,0,x\n1,1,x\n5,5,y\n5,6,y\n6,5,y\n6,6,y\n0,0.5,x\n5.5,5.5,y\n", "kind" },
        { "k-means", "a,b\n0,0\n0,1\n1,0\n1,1\n5,5\n5,6\n6,5\n6,6\n0,0.5\n5.5,5.5\n", "" },
        { "anomaly-detection", "latency,throughput,bad\n10,5,0\n11,5,0\n10,6,0\n9,5,0\n10,4,0\n11,6,0\n9,4,0\n10,5.5,0\n30,1,1\n10.5,5,0\n", "bad" },
    };

    [Theory]
    [MemberData(nameof(CsvCases))]
    public async Task RunExample_SmallCsv_Trains(string algorithm, string csv, string label)
    {
        var result = await CallAsync("run_example", new { algorithm, csv, label_column = label, test_fraction = 0, hyperparameters = algorithm == "k-means" ? (object)new { k = 2 } : new { } });
        Assert.True(result.IsError != true, Text(result));
        Assert.Equal("csv", result.StructuredContent!.Value.GetProperty("dataset").GetProperty("name").GetString());
    }

    public static TheoryData<object, string> BadArguments => new()
    {
        { new { algorithm = "linear-regresion" }, "Did you mean 'linear-regression'" },
        { new { algorithm = "linear-regression", hyperparameters = new { iterations = -5 } }, "hyperparameters.iterations: got -5; allowed: a whole number in 1…" },
        { new { algorithm = "linear-regression", hyperparameters = new { learning_rate = "NaN" } }, "hyperparameters.learning_rate: got NaN; allowed: a finite number" },
        { new { algorithm = "linear-regression", hyperparameters = new { learning_rate = 1e9 } }, "hyperparameters.learning_rate: got 1000000000" },
        { new { algorithm = "linear-regression", csv = "x,y\n" + string.Concat(Enumerable.Repeat("1,2\n", 600_000)), label_column = "y" }, "csv: got" },
        { new { algorithm = "logistic-regression", csv = "a,b\n1,x\n2,y\n", label_column = "kind" }, "label_column: label column 'kind' is not in the header; columns: a, b" },
        { new { algorithm = "linear-regression", csv = "x,y\n1,2\nabc,3\n", label_column = "y" }, "row 3, column 'x': 'abc' is not a number" },
        { new { algorithm = "k-means", hyperparameters = new { k = 0 } }, "hyperparameters.k: got 0" },
        { new { algorithm = "multilayer-perceptron", hyperparameters = new { hidden_layers = new[] { 0 } } }, "hyperparameters.hidden_layers" },
        { new { algorithm = "k-means", hyperparameters = new { learning_rate = 0.1 } }, "learning_rate do(es) not apply to k-means" },
        { new { algorithm = "linear-regression", dataset = "iris" }, "needs a numeric target" },
        { new { algorithm = "linear-regression", test_fraction = 0.95 }, "test_fraction: got 0.95; allowed: a number in [0, 0.9]" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task RunExample_BadArgument_IsAnErrorNamingItAndTheServerGoesOn(object arguments, string expected)
    {
        var result = await CallAsync("run_example", arguments);
        Assert.True(result.IsError);
        Assert.Contains(expected, Text(result), StringComparison.Ordinal);

        var next = await CallAsync("run_example", new { algorithm = "anomaly-detection" });
        Assert.NotEqual(true, next.IsError);
    }

    [Fact]
    public async Task RunExample_LongRun_SendsProgressNotifications()
    {
        var seen = new List<ProgressNotificationValue>();
        var progress = new SynchronousProgress(seen);
        var result = await CallAsync("run_example", new { algorithm = "multilayer-perceptron", hyperparameters = new { iterations = 2000 } }, progress);
        Assert.NotEqual(true, result.IsError);
        Assert.True(seen.Count >= 2, $"{seen.Count} progress notifications");
    }

    [Fact]
    public async Task RunExample_Cancelled_StopsAndTheNextCallWorks()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var started = new TaskCompletionSource();
        var progress = new SynchronousProgress([], () => started.TrySetResult());
        var call = CallCancellableAsync("run_example", new { algorithm = "multilayer-perceptron", hyperparameters = new { iterations = 100000 } }, progress, cancellation.Token);
        await started.Task.WaitAsync(TestContext.Current.CancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        var next = await CallAsync("run_example", new { algorithm = "k-means" });
        Assert.NotEqual(true, next.IsError);
    }

    [Fact]
    public async Task CompareAlgorithms_RunOnIris_TrainsTheApplicableOnesAndSkipsLinearRegression()
    {
        var result = await CallAsync("compare_algorithms", new { algorithms = Array.Empty<string>(), run = true, dataset = "iris" });
        Assert.NotEqual(true, result.IsError);
        var rows = result.StructuredContent!.Value.GetProperty("algorithms").EnumerateArray().ToList();
        Assert.Equal(5, rows.Count);
        Assert.Contains("needs a numeric target", rows[0].GetProperty("skipped").GetString(), StringComparison.Ordinal);
        Assert.True(rows[1].GetProperty("run").GetProperty("metrics").GetProperty("test").GetProperty("accuracy").GetDouble() > 0.8);
    }

    private sealed class SynchronousProgress(List<ProgressNotificationValue> seen, Action? onFirst = null) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value)
        {
            lock (seen)
            {
                seen.Add(value);
            }

            onFirst?.Invoke();
        }
    }
}
