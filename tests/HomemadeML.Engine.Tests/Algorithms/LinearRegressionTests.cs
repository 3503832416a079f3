using System.Globalization;
using System.Text.Json;
using HomemadeML.Engine.Algorithms;
using HomemadeML.Engine.Data;
using HomemadeML.Engine.LinearAlgebra;
using HomemadeML.Engine.Metrics;
using HomemadeML.Engine.Tests.Optimization;
using HomemadeML.Engine.Training;
using HomemadeML.Testing;

namespace HomemadeML.Engine.Tests.Algorithms;

public class LinearRegressionTests
{
    [Fact]
    public void Options_Defaults_AreHomemadeDemoValues()
    {
        var options = new LinearRegressionOptions();
        Assert.Equal((0.01, 500, 0.0, 0, 0, true), (options.LearningRate, options.Iterations, options.Regularization, options.PolynomialDegree, options.SinusoidDegree, options.Normalize));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(5.0)]
    public void Fit_WellConditionedData_ReachesNormalEquationTheta(double lambda)
    {
        var (x, y) = SyntheticData(seed: 3, rows: 200);
        var options = new LinearRegressionOptions { LearningRate = 0.5, Iterations = 2000, Regularization = lambda };
        var descent = new LinearRegression(options).Fit(x, y, cancellationToken: TestContext.Current.CancellationToken);
        var exact = LinearRegression.SolveNormalEquation(x, y, options);

        Assert.Equal(StopReason.CompletedIterations, descent.StopReason);
        // Normalized features make XᵀX/m well conditioned, so 2000 steps of α = 0.5 contract the error far below
        // 1e-6; the bound is the brief's "GD reaches the normal-equation θ within 1e-6 (relative)".
        double error = RelativeError(exact.Theta, descent.Theta);
        Assert.True(error < 1e-6, $"relative ‖θ_GD − θ_normal‖ / ‖θ_normal‖ = {error:E2}");
        TestContext.Current.TestOutputHelper?.WriteLine($"λ = {lambda}: GD vs normal equation relative θ error {error:E2}");
    }

    [Fact]
    public void Fit_OracleDataset_RSquaredMatchesScikitLearn()
    {
        var (x, y) = OracleDataset();
        using var oracle = JsonDocument.Parse(File.ReadAllText(OraclePath("linear_regression_sklearn.json")));
        double expectedR2 = oracle.RootElement.GetProperty("r2").GetDouble();

        var model = new LinearRegression(new LinearRegressionOptions { LearningRate = 0.5, Iterations = 3000 })
            .Fit(x, y, cancellationToken: TestContext.Current.CancellationToken);
        double r2 = RegressionMetrics.RSquared(y, model.Predict(x));

        // Brief: R² within 1e-6 of scikit-learn's; both solve the same least-squares problem.
        Assert.True(Math.Abs(r2 - expectedR2) < 1e-6, $"R² {r2:R} vs scikit-learn {expectedR2:R}");
        TestContext.Current.TestOutputHelper?.WriteLine($"R² engine {r2:R}, scikit-learn {expectedR2:R}, |Δ| = {Math.Abs(r2 - expectedR2):E2}");

        // θ lives in normalized units; mapped back to raw units it is scikit-learn's coef_ and intercept_.
        var theta = model.Theta;
        var features = model.Features;
        double intercept = theta[0];
        var coefficients = oracle.RootElement.GetProperty("coefficients").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int j = 0; j < coefficients.Length; j++)
        {
            double raw = theta[j + 1] / features.Deviation[j];
            intercept -= raw * features.Mean[j];
            Assert.True(Math.Abs(raw - coefficients[j]) < 1e-6 * Math.Abs(coefficients[j]), $"coefficient {j}: {raw:R} vs {coefficients[j]:R}");
        }

        double expectedIntercept = oracle.RootElement.GetProperty("intercept").GetDouble();
        Assert.True(Math.Abs(intercept - expectedIntercept) < 1e-6 * Math.Abs(expectedIntercept), $"intercept {intercept:R} vs {expectedIntercept:R}");
    }

    [Fact]
    public void SolveNormalEquation_OracleDataset_MatchesScikitLearnRSquared()
    {
        var (x, y) = OracleDataset();
        using var oracle = JsonDocument.Parse(File.ReadAllText(OraclePath("linear_regression_sklearn.json")));
        var model = LinearRegression.SolveNormalEquation(x, y);
        // A direct solve: agreement to ~1e-12 (rounding in XᵀX with condition number ~10).
        Assert.Equal(oracle.RootElement.GetProperty("r2").GetDouble(), RegressionMetrics.RSquared(y, model.Predict(x)), 12);
    }

    [Fact]
    public void Fit_NoisyLineWithHomemadeDefaults_FindsTheLineBehindTheNoise()
    {
        // The built-in noisy-line is y = 2.5·x + 4 plus Gaussian noise.
        var data = BuiltInDatasets.Load("noisy-line", seed: 0);
        var y = data.Targets!;
        var descent = new LinearRegression().Fit(data.Features, y, cancellationToken: TestContext.Current.CancellationToken);
        var exact = LinearRegression.SolveNormalEquation(data.Features, y);

        // 500 steps of α = 0.01 leave (1 − 0.01)^500 ≈ 0.7 % of the starting error: R² within 1e-2 of the exact fit.
        double exactR2 = RegressionMetrics.RSquared(y, exact.Predict(data.Features));
        Assert.True(Math.Abs(RegressionMetrics.RSquared(y, descent.Predict(data.Features)) - exactR2) < 1e-2);
        double slope = exact.Theta[1] / exact.Features.Deviation[0];
        double intercept = exact.Theta[0] - (slope * exact.Features.Mean[0]);
        // 100 noisy points pin the slope and intercept to a few tenths.
        Assert.InRange(slope, 2.3, 2.7);
        Assert.InRange(intercept, 3.5, 4.5);
    }

    [Fact]
    public void Fit_NonlinearCurveWithPolynomialFeatures_ExplainsMoreVariance()
    {
        // Homemade's non-linear regression demo: a curved target, lr 0.02, many iterations, extra features.
        var data = BuiltInDatasets.Load("nonlinear-curve", seed: 0);
        var options = new LinearRegressionOptions { LearningRate = 0.02, Iterations = 20_000 };
        var straight = new LinearRegression(options).Fit(data.Features, data.Targets!, cancellationToken: TestContext.Current.CancellationToken);
        var curved = new LinearRegression(options with { PolynomialDegree = 5 }).Fit(data.Features, data.Targets!, cancellationToken: TestContext.Current.CancellationToken);

        double straightR2 = RegressionMetrics.RSquared(data.Targets!, straight.Predict(data.Features));
        double curvedR2 = RegressionMetrics.RSquared(data.Targets!, curved.Predict(data.Features));
        Assert.True(curvedR2 > 0.95 && curvedR2 > straightR2 + 0.1, $"straight R² {straightR2:F3}, polynomial R² {curvedR2:F3}");
    }

    [Fact]
    public void Fit_HomemadeDefaults_CostFallsEveryStep()
    {
        var (x, y) = SyntheticData(seed: 5, rows: 100);
        var model = new LinearRegression().Fit(x, y, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(500, model.CostHistory.Count);
        Assert.Equal(500, model.IterationsRun);
        Assert.True(model.CostHistory.Zip(model.CostHistory.Skip(1)).All(p => p.Second < p.First));
        Assert.Equal(model.CostHistory[^1], model.Cost(x, y), 12);
    }

    [Fact]
    public void Fit_LearningRateOneBillion_StopsDivergedWithFiniteTheta()
    {
        var (x, y) = SyntheticData(seed: 5, rows: 100);
        var model = new LinearRegression(new LinearRegressionOptions { LearningRate = 1e9 }).Fit(x, y, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.Diverged, model.StopReason);
        Assert.True(model.IterationsRun < 500);
        Assert.All(model.Theta, v => Assert.True(double.IsFinite(v)));
        Assert.All(model.CostHistory, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Fit_SameData_BitIdenticalResults()
    {
        var (x, y) = SyntheticData(seed: 9, rows: 120);
        var options = new LinearRegressionOptions { PolynomialDegree = 2, SinusoidDegree = 1, Regularization = 0.1 };
        var first = new LinearRegression(options).Fit(x, y, cancellationToken: TestContext.Current.CancellationToken);
        var second = new LinearRegression(options).Fit(x, y, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(first.Theta.Select(BitConverter.DoubleToInt64Bits), second.Theta.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(first.CostHistory.Select(BitConverter.DoubleToInt64Bits), second.CostHistory.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Fit_CancelledDuringTraining_ThrowsPromptly()
    {
        var (x, y) = SyntheticData(seed: 1, rows: 2000);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan cancelledAt = TimeSpan.Zero;
        var progress = new SynchronousProgress<TrainingProgress>(p =>
        {
            if (p.Step >= 10 && !cts.IsCancellationRequested)
            {
                cancelledAt = clock.Elapsed;
                cts.Cancel();
            }
        });

        var trainer = new LinearRegression(new LinearRegressionOptions { Iterations = LinearRegressionOptions.MaxIterations });
        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Fit(x, y, progress, cancellationToken: cts.Token));
        // One iteration over 2000 rows takes microseconds; a second is a generous bound for "promptly".
        Assert.True(clock.Elapsed - cancelledAt < TimeSpan.FromSeconds(1), $"stopped {(clock.Elapsed - cancelledAt).TotalMilliseconds} ms after cancel");
    }

    [Fact]
    public void Fit_WallTimeCap_ReturnsModelMarkedTimeLimitReached()
    {
        var (x, y) = SyntheticData(seed: 1, rows: 500);
        var limits = new TrainingLimits { MaxWallTime = TimeSpan.FromMilliseconds(30) };
        var model = new LinearRegression(new LinearRegressionOptions { Iterations = LinearRegressionOptions.MaxIterations })
            .Fit(x, y, limits: limits, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.TimeLimitReached, model.StopReason);
        Assert.Equal(model.IterationsRun, model.CostHistory.Count);
    }

    [Fact]
    public void Predict_SingleRow_EqualsItsPredictionInsideABatch()
    {
        var (x, y) = SyntheticData(seed: 2, rows: 80);
        var model = new LinearRegression(new LinearRegressionOptions { PolynomialDegree = 2 }).Fit(x, y, cancellationToken: TestContext.Current.CancellationToken);
        var batch = model.Predict(x);
        Assert.Equal(batch[17], model.Predict(x.SelectRows([17]))[0]);
    }

    [Fact]
    public void SolveNormalEquation_DuplicatedColumnsWithoutRegularization_ThrowsNamingX()
    {
        // Polynomial degree 1 repeats every feature (homemade's design), so XᵀX is singular unless λ > 0.
        var (x, y) = SyntheticData(seed: 4, rows: 50);
        var ex = Assert.Throws<ArgumentException>("x", () => LinearRegression.SolveNormalEquation(x, y, new LinearRegressionOptions { PolynomialDegree = 1 }));
        Assert.Contains("Regularization > 0", ex.Message, StringComparison.Ordinal);

        var model = LinearRegression.SolveNormalEquation(x, y, new LinearRegressionOptions { PolynomialDegree = 1, Regularization = 1e-3 });
        Assert.All(model.Theta, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Fit_TargetCountDiffersFromRows_ThrowsNamingY()
    {
        var ex = Assert.Throws<ArgumentException>("y", () => new LinearRegression().Fit(new Matrix(3, 1), [1, 2], cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("x has 3 rows", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 10, 0.0, "LearningRate")]
    [InlineData(double.PositiveInfinity, 10, 0.0, "LearningRate")]
    [InlineData(0.01, 0, 0.0, "Iterations")]
    [InlineData(0.01, LinearRegressionOptions.MaxIterations + 1, 0.0, "Iterations")]
    [InlineData(0.01, 10, -1.0, "Regularization")]
    public void Constructor_InvalidOption_ThrowsNamingIt(double learningRate, int iterations, double lambda, string name)
    {
        var options = new LinearRegressionOptions { LearningRate = learningRate, Iterations = iterations, Regularization = lambda };
        Assert.Throws<ArgumentOutOfRangeException>(name, () => new LinearRegression(options));
    }

    /// <summary>y = 4 + 2x₁ − 3x₂ + 0.5x₃ + noise, with features on different scales and offsets.</summary>
    private static (Matrix X, double[] Y) SyntheticData(int seed, int rows)
    {
        var random = new Random(seed);
        var x = new Matrix(rows, 3);
        var y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            x[i, 0] = random.NextDouble() * 10;
            x[i, 1] = 100 + (random.NextDouble() * 5);
            x[i, 2] = (random.NextDouble() - 0.5) * 0.1;
            y[i] = 4 + (2 * x[i, 0]) - (3 * x[i, 1]) + (0.5 * x[i, 2]) + (random.NextDouble() - 0.5);
        }

        return (x, y);
    }

    private static (Matrix X, double[] Y) OracleDataset()
    {
        var lines = File.ReadAllLines(OraclePath("linear_regression_data.csv")).Skip(1).Where(l => l.Length > 0).ToArray();
        var x = new Matrix(lines.Length, 3);
        var y = new double[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            cells.AsSpan(0, 3).CopyTo(x.Row(i));
            y[i] = cells[3];
        }

        return (x, y);
    }

    private static string OraclePath(string file) => Path.Combine(RepositoryRoot.Path, "tests", "HomemadeML.Engine.Tests", "Oracles", file);

    private static double RelativeError(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        double difference = 0, norm = 0;
        for (int j = 0; j < expected.Count; j++)
        {
            difference += (expected[j] - actual[j]) * (expected[j] - actual[j]);
            norm += expected[j] * expected[j];
        }

        return Math.Sqrt(difference / norm);
    }
}
