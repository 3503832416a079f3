namespace HomemadeML.Content;

/// <summary>A fenced code block from a content file.</summary>
/// <param name="Language">First word of the info string (<c>python</c>, <c>csharp</c>, <c>json</c>, <c>latex</c> …).</param>
/// <param name="Arguments">Rest of the info string (<c>check</c>, <c>engine-check</c>), or empty.</param>
/// <param name="Code">The block's content without the fences, lines joined by '\n', no trailing newline.</param>
/// <param name="Line">1-based line of the opening fence in the source file.</param>
public sealed record CodeBlock(string Language, string Arguments, string Code, int Line);
