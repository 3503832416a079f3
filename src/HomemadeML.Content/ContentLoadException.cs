namespace HomemadeML.Content;

/// <summary>
/// Thrown while building a <see cref="LessonLibrary"/> when a content file breaks the lesson format.
/// The message starts with "<c>file:line: </c>" so an author can jump straight to the problem.
/// </summary>
public sealed class ContentLoadException : Exception
{
    public ContentLoadException(string file, int line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public ContentLoadException()
        : this("(unknown)", 0, "content failed to load")
    {
    }

    public ContentLoadException(string message)
        : this("(unknown)", 0, message)
    {
    }

    public ContentLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "(unknown)";
        Problem = message;
    }

    /// <summary>Content path relative to the content root, e.g. <c>skill-content/lessons/k-means.md</c>.</summary>
    public string File { get; }

    /// <summary>1-based line number in <see cref="File"/> (0 when the problem is the file as a whole).</summary>
    public int Line { get; }

    /// <summary>The problem without the location prefix.</summary>
    public string Problem { get; }
}
