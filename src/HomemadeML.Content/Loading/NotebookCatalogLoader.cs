using System.Text.Json;

namespace HomemadeML.Content.Loading;

/// <summary>Reads notebooks-links/notebooks.json (schema in notebooks-links/README.md).</summary>
internal static class NotebookCatalogLoader
{
    public static NotebookCatalog Load(string path, string json, IReadOnlyDictionary<string, Lesson> lessonsById)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ContentLoadException(path, (int)(e.LineNumber ?? 0) + 1, $"invalid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            var repository = RequireString(path, root, "repository", "catalog");
            var branch = RequireString(path, root, "branch", "catalog");
            if (!root.TryGetProperty("notebooks", out var notebooks) || notebooks.ValueKind != JsonValueKind.Array)
            {
                throw new ContentLoadException(path, 0, "catalog needs a 'notebooks' array");
            }

            var entries = new List<NotebookEntry>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in notebooks.EnumerateArray())
            {
                var notebookId = RequireString(path, item, "notebook_id", $"entry #{entries.Count + 1}");
                var where = $"notebook '{notebookId}'";
                if (!ids.Add(notebookId))
                {
                    throw new ContentLoadException(path, 0, $"{where} appears twice");
                }

                var algorithm = RequireString(path, item, "algorithm_id", where);
                if (!lessonsById.ContainsKey(algorithm))
                {
                    throw new ContentLoadException(path, 0, $"{where} names unknown algorithm '{algorithm}'");
                }

                entries.Add(new NotebookEntry(
                    algorithm,
                    notebookId,
                    RequireString(path, item, "title", where),
                    RequireString(path, item, "demonstrates", where),
                    RequireString(path, item, "dataset", where),
                    RequireString(path, item, "path", where),
                    RequireUrl(path, item, "binder", where),
                    RequireUrl(path, item, "nbviewer", where),
                    RequireUrl(path, item, "github", where)));
            }

            return new NotebookCatalog(repository, branch, entries);
        }
    }

    private static string RequireString(string path, JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new ContentLoadException(path, 0, $"{where} needs a non-empty string '{name}'");

    private static Uri RequireUrl(string path, JsonElement element, string name, string where)
    {
        var text = RequireString(path, element, name, where);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new ContentLoadException(path, 0, $"{where}: '{name}' must be an absolute https URL; got '{text}'");
    }
}
