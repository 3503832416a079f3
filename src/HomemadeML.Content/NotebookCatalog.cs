namespace HomemadeML.Content;

/// <summary>The demo notebooks of trekhleb/homemade-machine-learning (notebooks-links/notebooks.json).</summary>
public sealed class NotebookCatalog
{
    internal NotebookCatalog(string repository, string branch, IReadOnlyList<NotebookEntry> entries)
    {
        Repository = repository;
        Branch = branch;
        Entries = entries;
    }

    /// <summary>GitHub owner/name the notebooks live in.</summary>
    public string Repository { get; }

    /// <summary>Branch the links point at.</summary>
    public string Branch { get; }

    /// <summary>All notebooks in file order.</summary>
    public IReadOnlyList<NotebookEntry> Entries { get; }

    /// <summary>Notebooks for one algorithm (lesson id, case-insensitive); empty when there are none.</summary>
    public IReadOnlyList<NotebookEntry> ForAlgorithm(string algorithmId) =>
        Entries.Where(e => string.Equals(e.AlgorithmId, algorithmId, StringComparison.OrdinalIgnoreCase)).ToArray();
}
