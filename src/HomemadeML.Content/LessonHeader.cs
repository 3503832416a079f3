namespace HomemadeML.Content;

/// <summary>A lesson's front matter after validation.</summary>
internal sealed record LessonHeader(
    string Id,
    string Title,
    IReadOnlyList<string> Aliases,
    string Category,
    string Task,
    int Position,
    IReadOnlyList<string> Prerequisites,
    string DefaultDataset,
    int AliasesLine,
    int PrerequisitesLine);
