namespace HomemadeML.Content;

/// <summary>A short page on an idea several lessons share (skill-content/concepts/&lt;id&gt;.md).</summary>
/// <param name="Id">Concept id = file name without extension, e.g. <c>gradient-descent</c>.</param>
/// <param name="Title">Front-matter title.</param>
/// <param name="Markdown">The page body after the front matter.</param>
public sealed record ConceptPage(string Id, string Title, string Markdown);
