using System.Text.Json;
using HomemadeML.Skill.Cli;
using HomemadeML.Skill.Services;

namespace HomemadeML.Skill.Tests.Cli;

public class CommandLineTests
{
    private static async Task<(int Exit, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        int exit = await CommandLine.RunAsync(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task List_NoOptions_PrintsTheFiveAlgorithms()
    {
        var (exit, output, _) = await RunAsync("list");
        Assert.Equal(0, exit);
        Assert.Contains("multilayer-perceptron", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("explain")]
    [InlineData("formula")]
    [InlineData("path")]
    public async Task Command_Help_PrintsUsageAndSucceeds(string command)
    {
        var (exit, output, _) = await RunAsync(command, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("homemade-ml", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_NamesEveryServerLimitFlag()
    {
        var (_, output, _) = await RunAsync("run", "--help");
        Assert.All(SkillLimits.Flags, flag => Assert.Contains(flag + " ", output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_JsonWithListSetting_PrintsTheStructuredResultWithThoseLayers()
    {
        var (exit, output, errors) = await RunAsync("run", "mlp", "--dataset", "iris", "--set", "hidden_layers=5,4", "--set", "iterations=20", "--seed", "2", "--json");
        Assert.True(exit == 0, errors);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("multilayer-perceptron", json.RootElement.GetProperty("algorithm").GetString());
        Assert.Equal([5, 4], json.RootElement.GetProperty("hyperparameters").GetProperty("hidden_layers").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Run_Plot_WritesAPngFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"homemade-ml-{Guid.NewGuid():N}.png");
        try
        {
            var (exit, _, errors) = await RunAsync("run", "linear-regression", "--plot", file);
            Assert.True(exit == 0, errors);
            Assert.Equal((byte)'P', (await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken))[1]);
        }
        finally
        {
            foreach (var written in Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + "*"))
            {
                File.Delete(written);
            }
        }
    }

    [Theory]
    [InlineData(new[] { "run", "linear-regression", "--set", "learning_rate=NaN" }, "learning_rate")]
    [InlineData(new[] { "run", "linear-regression", "--set", "iterations=-5" }, "iterations")]
    [InlineData(new[] { "explain", "quantum-forest" }, "algorithm")]
    [InlineData(new[] { "run", "linear-regression", "--bogus" }, "--bogus")]
    [InlineData(new[] { "frobnicate" }, "command")]
    public async Task BadInput_Always_ExitsNonZeroNamingTheArgument(string[] args, string named)
    {
        var (exit, _, errors) = await RunAsync(args);
        Assert.NotEqual(0, exit);
        Assert.Contains(named, errors, StringComparison.Ordinal);
    }
}
