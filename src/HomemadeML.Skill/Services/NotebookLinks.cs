using HomemadeML.Content;

namespace HomemadeML.Skill.Services;

/// <summary>The homemade-machine-learning notebook that matches a run.</summary>
internal static class NotebookLinks
{
    public static NotebookLink? FirstFor(string algorithmId) =>
        LessonLibrary.Embedded.Notebooks.ForAlgorithm(algorithmId) is [var first, ..]
            ? new NotebookLink(first.Title, first.Binder.ToString(), first.NbViewer.ToString(), first.GitHub.ToString())
            : null;
}
