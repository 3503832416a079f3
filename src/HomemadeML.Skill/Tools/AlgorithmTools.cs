using System.ComponentModel;
using System.Text;
using HomemadeML.Content;
using HomemadeML.Skill.Services;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace HomemadeML.Skill.Tools;

/// <summary>The lesson tools: what each algorithm is, its formulas and its code.</summary>
[McpServerToolType]
public sealed class AlgorithmTools(Func<LessonLibrary> lessons, AlgorithmNames names)
{
    private const string AlgorithmDescription =
        "Algorithm id: linear-regression, logistic-regression, multilayer-perceptron, k-means or anomaly-detection (aliases such as 'logreg', 'mlp', 'neural network', 'kmeans' work).";

    [McpServerTool(Name = "list_algorithms", Title = "List the algorithms", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Lists the five algorithms this skill teaches, in learning order, with a one-sentence purpose, category and task. Call it first when the learner asks what they can learn or which algorithm fits a problem.")]
    public string ListAlgorithms()
    {
        var text = new StringBuilder("| # | id | algorithm | category | task | purpose |\n|---|---|---|---|---|---|\n");
        foreach (var lesson in lessons().Lessons)
        {
            text.Append($"| {lesson.Position} | `{lesson.Id}` | {lesson.Title} | {lesson.Category} | {lesson.Task} | {Plain(lesson.GetSection("purpose").Markdown)} |\n");
        }

        return text.ToString();
    }

    [McpServerTool(Name = "explain_algorithm", Title = "Explain an algorithm", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Explains one algorithm from its lesson: purpose, intuition, formulas, worked example, NumPy code, the engine's C# code, when to use it, pitfalls and exercises, plus notebook links. Use for 'explain X', 'how does X work', 'teach me X'.")]
    public string ExplainAlgorithm(
        [Description(AlgorithmDescription)] string algorithm,
        [Description("beginner: purpose, intuition, key formulas in plain text and one exercise; intermediate (default): adds the worked example, pitfalls and when to use it; advanced: the whole lesson with both code listings.")]
        ExplanationLevel level = ExplanationLevel.Intermediate,
        [Description("Comma-separated section ids to show only those: purpose, intuition, formulas, worked-example, code-python, code-csharp, when-to-use, pitfalls, exercises. Empty (default): chosen by level.")]
        string sections = "") => ToolErrors.Guard(() =>
    {
        var lesson = Lesson(algorithm);
        var asked = sections.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string[] chosen = asked.Length > 0 ? asked : level switch
        {
            ExplanationLevel.Beginner => ["purpose", "intuition", "formulas", "exercises"],
            ExplanationLevel.Advanced => [.. Content.Lesson.RequiredSectionIds],
            _ => ["purpose", "intuition", "formulas", "worked-example", "when-to-use", "pitfalls", "exercises"],
        };
        var text = new StringBuilder($"# {lesson.Title}\n\n");
        foreach (var id in chosen)
        {
            if (!lesson.TryGetSection(id, out var section))
            {
                throw new SkillArgumentException("sections", $"sections: '{id}' is not a section; allowed: {string.Join(", ", Content.Lesson.RequiredSectionIds)}.");
            }

            text.Append($"## {section.Title}\n\n");
            text.Append(id == "formulas" && level == ExplanationLevel.Beginner ? FormulasAsText(lesson) : section.Markdown.Trim());
            text.Append("\n\n");
        }

        text.Append(Notebooks(lesson.Id));
        return text.ToString().Trim();
    });

    [McpServerTool(Name = "show_formula", Title = "Show a formula", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Shows one formula of an algorithm (e.g. the cost function, the gradient, the sigmoid) or all of them, as LaTeX and/or plain Unicode text that reads well in any chat, with what each symbol means.")]
    public string ShowFormula(
        [Description(AlgorithmDescription)] string algorithm,
        [Description("Formula id (e.g. cost, gradient, hypothesis, sigmoid); empty or 'all': every formula of the algorithm.")] string formula = "all",
        [Description("latex, unicode or both (default).")] FormulaFormat format = FormulaFormat.Both) => ToolErrors.Guard(() =>
    {
        var lesson = Lesson(algorithm);
        var chosen = formula is "" or "all" ? lesson.Formulas
            : lesson.TryGetFormula(formula, out var one) ? [one]
            : throw new SkillArgumentException("formula", $"formula: '{formula}' is not a formula of {lesson.Id}; allowed: all, {string.Join(", ", lesson.Formulas.Select(f => f.Id))}.");
        var text = new StringBuilder();
        foreach (var f in chosen)
        {
            text.Append($"### {f.Name} (`{f.Id}`)\n");
            if (format != FormulaFormat.Latex)
            {
                text.Append($"```text\n{f.Text}\n```\n");
            }

            if (format != FormulaFormat.Unicode)
            {
                text.Append($"```latex\n{f.Latex}\n```\n");
            }

            text.Append($"Symbols: {f.Symbols}\n\n");
        }

        return text.ToString().Trim();
    });

    [McpServerTool(Name = "show_code", Title = "Show the code", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Shows an algorithm's implementation: python is a complete NumPy-only program a learner can paste into a notebook; csharp is the engine's own training loop, the code run_example runs.")]
    public string ShowCode(
        [Description(AlgorithmDescription)] string algorithm,
        [Description("python (default) or csharp.")] CodeLanguage language = CodeLanguage.Python) => ToolErrors.Guard(() =>
    {
        var lesson = Lesson(algorithm);
        var section = lesson.GetSection(language == CodeLanguage.Python ? "code-python" : "code-csharp");
        return $"## {lesson.Title} — {section.Title}\n\n{section.Markdown.Trim()}";
    });

    internal static string Notebooks(string algorithmId)
    {
        var entries = LessonLibrary.Embedded.Notebooks.ForAlgorithm(algorithmId);
        var text = new StringBuilder("## Interactive notebooks\n\n");
        foreach (var n in entries)
        {
            text.Append($"- **{n.Title}** — {n.Demonstrates} [Binder]({n.Binder}) · [nbviewer]({n.NbViewer}) · [GitHub]({n.GitHub})\n");
        }

        return text.ToString();
    }

    private Content.Lesson Lesson(string algorithm) => lessons().TryResolve(names.Resolve(algorithm), out var lesson)
        ? lesson
        : throw new SkillArgumentException("algorithm", $"algorithm: '{algorithm}' has no lesson.");

    private static string FormulasAsText(Content.Lesson lesson) =>
        string.Join("\n\n", lesson.Formulas.Select(f => $"**{f.Name}**\n```text\n{f.Text}\n```\nSymbols: {f.Symbols}"));

    private static string Plain(string markdown) => markdown.Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal).Trim();
}

public enum ExplanationLevel
{
    Beginner,
    Intermediate,
    Advanced,
}

public enum FormulaFormat
{
    Latex,
    Unicode,
    Both,
}

public enum CodeLanguage
{
    Python,
    Csharp,
}
