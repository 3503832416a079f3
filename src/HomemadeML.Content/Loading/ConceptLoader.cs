namespace HomemadeML.Content.Loading;

/// <summary>Reads a concept page: front matter (id, title) and free Markdown.</summary>
internal static class ConceptLoader
{
    public static ConceptPage Load(string path, string text)
    {
        var file = MarkdownFile.Parse(path, text);
        var id = file.FrontMatter.RequireScalar("id");
        var expectedId = Path.GetFileNameWithoutExtension(path);
        if (id != expectedId)
        {
            throw new ContentLoadException(path, file.FrontMatter.LineOf("id"), $"id '{id}' must equal the file name '{expectedId}'");
        }

        var bodyStart = file.Blocks.Count > 0 ? file.Blocks[0].Start : file.Text.Length;
        return new ConceptPage(id, file.FrontMatter.RequireScalar("title"), file.Slice(bodyStart, file.Text.Length, []));
    }
}
