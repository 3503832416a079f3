namespace HomemadeML.Content;

/// <summary>The recommended order through the lessons (skill-content/learning-path.md).</summary>
public sealed class LearningPath
{
    internal LearningPath(string title, string introduction, IReadOnlyList<LearningPathStep> steps)
    {
        Title = title;
        Introduction = introduction;
        Steps = steps;
    }

    public string Title { get; }

    /// <summary>Markdown before the first step.</summary>
    public string Introduction { get; }

    /// <summary>Steps in path order (Position 1, 2, …).</summary>
    public IReadOnlyList<LearningPathStep> Steps { get; }
}
