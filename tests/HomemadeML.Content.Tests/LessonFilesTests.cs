using System.Text.Json;
using HomemadeML.Content.Tests.Harness;

namespace HomemadeML.Content.Tests;

/// <summary>Every lesson file is a test case: it parses, has every section, and its Python runs with numpy only.</summary>
public sealed class LessonFilesTests
{
    private static readonly string[] HyperparameterNames =
    [
        "learning_rate", "iterations", "regularization", "polynomial_degree", "sinusoid_degree", "normalize",
        "hidden_layers", "epsilon", "batch_size", "optimizer", "k", "init", "restarts",
    ];

    private static readonly string[] DatasetNames =
        ["iris", "digits", "noisy-line", "nonlinear-curve", "microchips", "blobs", "server-metrics", "fashion-mnist"];

    private static readonly string[] LessonIds =
        ["linear-regression", "logistic-regression", "multilayer-perceptron", "k-means", "anomaly-detection"];

    public static TheoryData<string> LessonFiles() => new(ContentFolders.LessonIds());

    [Theory]
    [MemberData(nameof(LessonFiles))]
    public void LessonFile_Parses_HasEverySectionInFormatOrder(string lessonId)
    {
        var lesson = LessonChecks.Lesson(lessonId);

        var ids = lesson.Sections.Select(s => s.Id).Where(Lesson.RequiredSectionIds.Contains).ToArray();
        Assert.Equal(Lesson.RequiredSectionIds, ids);
        Assert.All(lesson.Sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Markdown), $"section '{s.Id}' is empty"));
    }

    [Theory]
    [MemberData(nameof(LessonFiles))]
    public void LessonFile_Formulas_HaveLatexTextAndSymbols(string lessonId)
    {
        var lesson = LessonChecks.Lesson(lessonId);

        Assert.NotEmpty(lesson.Formulas);
        Assert.All(lesson.Formulas, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Latex), $"formula '{f.Id}' latex");
            Assert.False(string.IsNullOrWhiteSpace(f.Text), $"formula '{f.Id}' text");
            Assert.False(string.IsNullOrWhiteSpace(f.Symbols), $"formula '{f.Id}' symbols");
            Assert.DoesNotContain('\n', f.Symbols);
        });
    }

    [Theory]
    [MemberData(nameof(LessonFiles))]
    public void LessonFile_ServedText_HasNoMachineOnlyBlocks(string lessonId)
    {
        var lesson = LessonChecks.Lesson(lessonId);

        Assert.Contains(lesson.Checks, c => c.Arguments == "check");
        Assert.Contains(lesson.Checks, c => c.Arguments == "engine-check");
        Assert.All(lesson.Sections, s =>
        {
            Assert.DoesNotContain("```json check", s.Markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("```json engine-check", s.Markdown, StringComparison.Ordinal);
        });
        Assert.All(lesson.Checks, c => JsonDocument.Parse(c.Code).Dispose());
    }

    [Theory]
    [MemberData(nameof(LessonFiles))]
    public void LessonFile_PythonBlock_ImportsOnlyNumpyAndJson(string lessonId)
    {
        var code = LessonChecks.PythonCode(lessonId);

        Assert.Empty(PythonRunner.DisallowedImports(code));
        Assert.Contains("import numpy", code, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LessonFiles))]
    public void LessonFile_PythonBlock_RunsAndPrintsResultObject(string lessonId)
    {
        var run = LessonChecks.RunPython(lessonId);

        Assert.Equal(JsonValueKind.Object, run.Result.ValueKind);
        Assert.NotEmpty(run.Result.EnumerateObject());
    }

    [Theory]
    [MemberData(nameof(LessonFiles))]
    public void LessonFile_Exercises_AreRunExampleCallsWithKnownNames(string lessonId)
    {
        var exercises = LessonChecks.Lesson(lessonId).GetSection("exercises").CodeBlocks.Where(b => b.Language == "json").ToArray();

        Assert.InRange(exercises.Length, 2, 4);
        foreach (var block in exercises)
        {
            using var call = JsonDocument.Parse(block.Code);
            var root = call.RootElement;
            var where = $"exercise block at line {block.Line}";
            Assert.True(root.TryGetProperty("algorithm", out var algorithm), $"{where} has no \"algorithm\"");
            Assert.Contains(algorithm.GetString(), LessonIds);
            Assert.True(root.TryGetProperty("dataset", out var dataset), $"{where} has no \"dataset\"");
            Assert.Contains(dataset.GetString(), DatasetNames);
            var names = new List<string>();
            if (root.TryGetProperty("hyperparameters", out var hyperparameters))
            {
                names.AddRange(hyperparameters.EnumerateObject().Select(p => p.Name));
            }

            // A sweep varies one hyperparameter: {"name": "k", "values": [2, 3, 4]}.
            if (root.TryGetProperty("sweep", out var sweep))
            {
                Assert.True(sweep.TryGetProperty("name", out var name), $"{where}: sweep needs \"name\"");
                Assert.True(
                    sweep.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0,
                    $"{where}: sweep needs a non-empty \"values\" array");
                names.Add(name.GetString()!);
            }

            Assert.True(hyperparameters.ValueKind == JsonValueKind.Object || sweep.ValueKind == JsonValueKind.Object, $"{where} sets no hyperparameters and no sweep");
            Assert.All(names, name => Assert.Contains(name, HyperparameterNames));
        }
    }

    [Theory]
    [MemberData(nameof(LessonFiles))]
    public void LessonFile_FrontMatter_UsesKnownDatasetAndLessonIds(string lessonId)
    {
        var lesson = LessonChecks.Lesson(lessonId);

        Assert.Contains(lesson.Id, LessonIds);
        Assert.Contains(lesson.DefaultDataset, DatasetNames);
        Assert.All(lesson.Prerequisites, p => Assert.Contains(p, LessonIds));
        Assert.All(lesson.Aliases, a => Assert.Equal(a.ToLowerInvariant(), a));
    }

    [Theory]
    [MemberData(nameof(LessonFiles))]
    public void LessonFile_CodeCsharp_EqualsEngineSnippetRegion(string lessonId)
    {
        var region = EngineSnippets.Region(lessonId);
        Assert.True(region is not null, $"no engine file marks '// lesson-snippet-start: {lessonId}'");
        var block = LessonChecks.Lesson(lessonId).FindCode("code-csharp", "csharp");
        Assert.True(block is not null, $"lesson '{lessonId}' has no ```csharp block in code-csharp");

        if (block.Code != region && EngineSnippets.UpdateMode)
        {
            EngineSnippets.RewriteFence(LessonChecks.LessonPath(lessonId), block.Line, region);
            return;
        }

        Assert.True(
            block.Code == region,
            $"lesson '{lessonId}' code-csharp differs from the engine region; run with {EngineSnippets.UpdateVariable}=1 to rewrite it.\n"
            + EngineSnippets.Diff(region, block.Code));
    }
}
