using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using HomemadeML.Content;
using HomemadeML.Engine.Data;
using HomemadeML.Skill.Services;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace HomemadeML.Skill.Resources;

/// <summary>Lessons, the learning path and the built-in datasets as readable resources.</summary>
[McpServerResourceType]
public sealed class SkillResources(Func<LessonLibrary> lessons, SkillLimits limits)
{
    [McpServerResource(UriTemplate = "homemade-ml://lessons/{algorithm}", Name = "lesson", Title = "Lesson", MimeType = "text/markdown")]
    [Description("The whole lesson of one algorithm as Markdown.")]
    public string Lesson(
        [AllowedValues("linear-regression", "logistic-regression", "multilayer-perceptron", "k-means", "anomaly-detection")] string algorithm)
    {
        if (!lessons().TryResolve(algorithm, out var lesson))
        {
            throw new McpException($"algorithm: '{algorithm}' has no lesson; valid ids: {string.Join(", ", AlgorithmCatalog.Ids)}.");
        }

        var text = new StringBuilder($"# {lesson.Title}\n\n");
        foreach (var section in lesson.Sections)
        {
            text.Append($"## {section.Title}\n\n{section.Markdown.Trim()}\n\n");
        }

        return text.ToString();
    }

    [McpServerResource(UriTemplate = "homemade-ml://learning-path", Name = "learning-path", Title = "Learning path", MimeType = "text/markdown")]
    [Description("The ordered learning path with prerequisites and checkpoint questions.")]
    public string LearningPath()
    {
        var path = lessons().LearningPath;
        var text = new StringBuilder($"# {path.Title}\n\n{path.Introduction}\n\n");
        foreach (var s in path.Steps)
        {
            text.Append($"## Step {s.Position}: {s.Title}\n\nWhy now: {s.WhyNow}\n\nPrerequisites: {s.Prerequisites}\n\nCheckpoint: {s.Checkpoint}\n\nAnswer: {s.Answer}\n\n");
        }

        return text.ToString();
    }

    [McpServerResource(UriTemplate = "homemade-ml://datasets/{name}", Name = "dataset", Title = "Built-in dataset", MimeType = "text/csv")]
    [Description("A built-in dataset as CSV with a header row (features, then the target). Fashion-MNIST is too large to serve this way.")]
    public string Dataset(
        [AllowedValues("iris", "digits", "noisy-line", "nonlinear-curve", "microchips", "blobs", "server-metrics")] string name)
    {
        if (name == "fashion-mnist" || !BuiltInDatasets.Names.Contains(name))
        {
            throw new McpException($"name: '{name}' cannot be read as CSV; allowed: {string.Join(", ", BuiltInDatasets.Names.Where(n => n != "fashion-mnist"))}.");
        }

        var data = BuiltInDatasets.Load(name, seed: 0, limits.FashionMnistFolder);
        var csv = new StringBuilder();
        var header = data.FeatureNames.Select(Quote).ToList();
        if (data.TargetName is { } target)
        {
            header.Add(Quote(target));
        }

        csv.AppendJoin(',', header).Append('\n');
        for (int i = 0; i < data.Rows; i++)
        {
            csv.AppendJoin(',', data.Features.Row(i).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            if (data.Targets is { } targets)
            {
                csv.Append(',').Append(targets[i].ToString("R", CultureInfo.InvariantCulture));
            }
            else if (data.Labels is { } labels)
            {
                csv.Append(',').Append(Quote(data.ClassNames![labels[i]]));
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
        ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;
}
