using HomemadeML.Skill.Services;

namespace HomemadeML.Skill.Tests.Services;

public class SkillLimitsTests
{
    [Fact]
    public void FromEnvironmentAndArguments_LimitFlags_OverrideTheDefaultsAndLeaveOtherWords()
    {
        var limits = SkillLimits.FromEnvironmentAndArguments(["--http", "--max-training-seconds", "5", "--max-csv-bytes", "1000", "--max-iterations", "77"]);
        Assert.Equal(TimeSpan.FromSeconds(5), limits.MaxTrainingTime);
        Assert.Equal(1000, limits.MaxCsvBytes);
        Assert.Equal(77, limits.MaxIterations);
    }

    [Theory]
    [InlineData("--max-iterations", "-3")]
    [InlineData("--max-training-seconds", "NaN")]
    [InlineData("--max-csv-bytes", "lots")]
    public void FromEnvironmentAndArguments_BadValue_NamesTheFlag(string flag, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => SkillLimits.FromEnvironmentAndArguments([flag, value]));
        Assert.Contains($"{flag}: got '{value}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WallTimeCapReached_ReturnsARunMarkedCutShort()
    {
        var runner = new ExampleRunner(new SkillLimits { MaxTrainingTime = TimeSpan.FromMilliseconds(200) });
        var request = new RunRequest
        {
            Algorithm = "multilayer-perceptron",
            Dataset = "digits",
            Hyperparameters = Hyperparameters.FromPairs([KeyValuePair.Create("iterations", "100000")]),
        };

        var report = await runner.RunAsync(request, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("time_limit_reached", report.StopReason);
        Assert.InRange(report.IterationsRun, 1, 99_999);
    }
}
