namespace HomemadeML.Content;

/// <summary>One Jupyter demo notebook of trekhleb/homemade-machine-learning, with three ways to open it.</summary>
/// <param name="AlgorithmId">Lesson id of the algorithm it demonstrates.</param>
/// <param name="NotebookId">Unique id of the notebook in the catalog.</param>
/// <param name="Title">Short title.</param>
/// <param name="Demonstrates">What the notebook shows, one or two sentences.</param>
/// <param name="Dataset">The data it uses.</param>
/// <param name="Path">Path under the repository's <c>notebooks/</c> folder.</param>
/// <param name="Binder">Runnable copy on mybinder.org.</param>
/// <param name="NbViewer">Read-only render on nbviewer.org.</param>
/// <param name="GitHub">Source on github.com.</param>
public sealed record NotebookEntry(
    string AlgorithmId, string NotebookId, string Title, string Demonstrates, string Dataset, string Path,
    Uri Binder, Uri NbViewer, Uri GitHub);
