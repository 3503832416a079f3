namespace HomemadeML.Content;

/// <summary>
/// The outcome of looking a name up in the <see cref="LessonLibrary"/>: the lesson when found; otherwise the valid ids
/// and the id whose name (id or alias) is closest by edit distance, for a helpful error message.
/// </summary>
public sealed record LessonResolution(string Query, Lesson? Lesson, IReadOnlyList<string> ValidIds, string? ClosestMatch)
{
    public bool Found => Lesson is not null;

    /// <summary>"Unknown algorithm 'kmean'. Valid ids: … Did you mean 'k-means'?" — for errors shown to a user.</summary>
    public string DescribeFailure() =>
        $"Unknown algorithm '{Query}'. Valid ids: {string.Join(", ", ValidIds)}."
        + (ClosestMatch is null ? string.Empty : $" Did you mean '{ClosestMatch}'?");
}
