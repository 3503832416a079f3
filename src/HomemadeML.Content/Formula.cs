namespace HomemadeML.Content;

/// <summary>
/// A formula from a lesson's formulas section: a <c>### Name {#id}</c> heading followed by a <c>latex</c> block,
/// a <c>text</c> block (Unicode, readable without a renderer) and one <c>Symbols:</c> line.
/// </summary>
/// <param name="Id">Formula id, unique within its lesson (e.g. <c>assignment</c>).</param>
/// <param name="Name">Heading text (e.g. "Cluster assignment").</param>
/// <param name="Latex">LaTeX source.</param>
/// <param name="Text">Unicode rendering.</param>
/// <param name="Symbols">What each symbol means, without the "Symbols:" prefix.</param>
public sealed record Formula(string Id, string Name, string Latex, string Text, string Symbols);
