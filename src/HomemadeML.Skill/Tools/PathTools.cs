using System.ComponentModel;
using System.Text;
using HomemadeML.Content;
using HomemadeML.Skill.Services;
using ModelContextProtocol.Server;

namespace HomemadeML.Skill.Tools;

/// <summary>Where to go next: the learning path and the interactive notebooks.</summary>
[McpServerToolType]
public sealed class PathTools(Func<LessonLibrary> lessons, AlgorithmNames names)
{
    [McpServerTool(Name = "learning_path", Title = "Learning path", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("The ordered learning path (linear regression → logistic regression → multilayer perceptron → k-means → anomaly detection) with prerequisites. Given what the learner has just studied, says the next step, why, and a checkpoint question to check understanding first. Use for 'what should I learn next?'.")]
    public string LearningPath(
        [Description("The algorithm the learner has just studied (id or alias); empty (default): show the whole path from the start.")] string current = "") => ToolErrors.Guard(() =>
    {
        var path = lessons().LearningPath;
        var text = new StringBuilder($"# {path.Title}\n\n");
        var steps = path.Steps;
        if (current.Trim().Length > 0)
        {
            string id = names.Resolve(current, "current");
            var done = steps.First(s => s.LessonId == id);
            text.Append($"Checkpoint for **{done.Title}** before moving on: {done.Checkpoint}\n\n<details><summary>Answer</summary>\n\n{done.Answer}\n\n</details>\n\n");
            var next = steps.FirstOrDefault(s => s.Position > done.Position);
            text.Append(next is null
                ? "That was the last step of the path. Next: revisit any algorithm on your own CSV data with run_example, or compare them with compare_algorithms.\n\n"
                : $"**Next: step {next.Position}, {next.Title}** (`{next.LessonId}`). Why now: {next.WhyNow} Prerequisites: {next.Prerequisites}\n\n");
        }

        text.Append("| step | lesson | why now | prerequisites |\n|---|---|---|---|\n");
        foreach (var s in steps)
        {
            text.Append($"| {s.Position} | {s.Title} (`{s.LessonId}`) | {s.WhyNow} | {s.Prerequisites} |\n");
        }

        return text.ToString().Trim();
    });

    [McpServerTool(Name = "get_notebook_links", Title = "Notebook links", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Links to the homemade-machine-learning Jupyter notebooks for an algorithm — run it live on Binder, read it rendered on nbviewer, or see the source on GitHub — with what each notebook demonstrates.")]
    public string GetNotebookLinks(
        [Description("Algorithm id: linear-regression, logistic-regression, multilayer-perceptron, k-means or anomaly-detection (aliases work).")] string algorithm) =>
        ToolErrors.Guard(() => AlgorithmTools.Notebooks(names.Resolve(algorithm)));
}
