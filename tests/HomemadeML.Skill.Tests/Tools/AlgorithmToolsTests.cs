using ModelContextProtocol.Protocol;

namespace HomemadeML.Skill.Tests.Tools;

public class AlgorithmToolsTests : SkillTestBase
{
    public static TheoryData<string> Algorithms => ["linear-regression", "logistic-regression", "multilayer-perceptron", "k-means", "anomaly-detection"];

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task ContentTools_EveryAlgorithm_ReturnTheLessonParts(string algorithm)
    {
        var explained = Text(await CallAsync("explain_algorithm", new { algorithm, level = "advanced" }));
        foreach (var part in new[] { "Purpose", "Intuition", "Formulas", "```python", "```csharp", "Pitfalls", "Exercises", "mybinder.org" })
        {
            Assert.Contains(part, explained, StringComparison.Ordinal);
        }

        var formulas = await CallAsync("show_formula", new { algorithm, format = "both" });
        Assert.NotEqual(true, formulas.IsError);
        Assert.Contains("```latex", Text(formulas), StringComparison.Ordinal);
        Assert.Contains("Symbols", Text(formulas), StringComparison.Ordinal);
        Assert.Contains("import numpy as np", Text(await CallAsync("show_code", new { algorithm, language = "python" })), StringComparison.Ordinal);
        Assert.Contains("```csharp", Text(await CallAsync("show_code", new { algorithm, language = "csharp" })), StringComparison.Ordinal);
        var links = Text(await CallAsync("get_notebook_links", new { algorithm }));
        Assert.Contains("https://mybinder.org/v2/gh/trekhleb/homemade-machine-learning/master?filepath=notebooks/", links, StringComparison.Ordinal);
        Assert.Contains("nbviewer", links, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("logreg", "Logistic regression")]
    [InlineData("neural network", "perceptron")]
    [InlineData("kmeans", "K-means")]
    public async Task ExplainAlgorithm_Alias_FindsTheLesson(string alias, string title)
    {
        var result = await CallAsync("explain_algorithm", new { algorithm = alias, level = "beginner" });
        Assert.NotEqual(true, result.IsError);
        Assert.Contains(title, Text(result), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ExplainAlgorithm_UnknownName_ListsValidIdsAndClosestMatch()
    {
        var result = await CallAsync("explain_algorithm", new { algorithm = "k-meens" });
        Assert.True(result.IsError);
        Assert.Contains("Did you mean 'k-means'", Text(result), StringComparison.Ordinal);
        Assert.Contains("linear-regression, logistic-regression, multilayer-perceptron, k-means, anomaly-detection", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowFormula_UnknownFormula_ListsTheFormulasOfThatAlgorithm()
    {
        var result = await CallAsync("show_formula", new { algorithm = "linear-regression", formula = "softmax" });
        Assert.True(result.IsError);
        Assert.Contains("allowed: all, ", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LearningPath_AfterLinearRegression_PointsToLogisticRegressionWithACheckpoint()
    {
        var text = Text(await CallAsync("learning_path", new { current = "linear-regression" }));
        Assert.Contains("Next: step 2", text, StringComparison.Ordinal);
        Assert.Contains("logistic-regression", text, StringComparison.Ordinal);
        Assert.Contains("Checkpoint", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAlgorithms_ShowsAllFiveInLearningOrder()
    {
        var text = Text(await CallAsync("list_algorithms"));
        var positions = new[] { "linear-regression", "logistic-regression", "multilayer-perceptron", "k-means", "anomaly-detection" }
            .Select(id => text.IndexOf($"`{id}`", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task Resources_LessonAndDataset_ReadAsMarkdownAndCsv()
    {
        var lesson = await Client.ReadResourceAsync("homemade-ml://lessons/k-means", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("## Purpose", ((TextResourceContents)lesson.Contents[0]).Text, StringComparison.Ordinal);
        var iris = await Client.ReadResourceAsync("homemade-ml://datasets/iris", cancellationToken: TestContext.Current.CancellationToken);
        var lines = ((TextResourceContents)iris.Contents[0]).Text.Trim().Split('\n');
        Assert.Equal(151, lines.Length);
        Assert.StartsWith("sepal length (cm),", lines[0], StringComparison.Ordinal);
        var path = await Client.ReadResourceAsync("homemade-ml://learning-path", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("Step 5", ((TextResourceContents)path.Contents[0]).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompts_EachReturnsAMessage()
    {
        foreach (var (name, arguments) in new (string, Dictionary<string, object?>)[]
        {
            ("learn_algorithm", new() { ["algorithm"] = "k-means" }),
            ("study_session", new()),
            ("debug_my_training", new() { ["algorithm"] = "linear-regression", ["symptom"] = "the cost goes up" }),
        })
        {
            var prompt = await Client.GetPromptAsync(name, arguments, cancellationToken: TestContext.Current.CancellationToken);
            Assert.NotEmpty(prompt.Messages);
        }
    }
}
