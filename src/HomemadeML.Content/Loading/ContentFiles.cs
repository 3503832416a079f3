using System.Reflection;

namespace HomemadeML.Content.Loading;

/// <summary>
/// The raw content files keyed by path relative to the content root, '/' separated
/// (e.g. <c>skill-content/lessons/k-means.md</c>), read from embedded resources or from a folder.
/// </summary>
internal static class ContentFiles
{
    private static readonly string[] Roots = ["skill-content/", "notebooks-links/"];

    public static IReadOnlyDictionary<string, string> FromEmbeddedResources(Assembly assembly)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var path = name.Replace('\\', '/');
            if (!Roots.Any(r => path.StartsWith(r, StringComparison.Ordinal)))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files[path] = reader.ReadToEnd();
        }

        return files;
    }

    public static IReadOnlyDictionary<string, string> FromDirectory(string root)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"Content root '{full}' does not exist.");
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var top in Roots)
        {
            var folder = Path.Combine(full, top.TrimEnd('/'));
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                if (file.EndsWith(".md", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal))
                {
                    files[Path.GetRelativePath(full, file).Replace('\\', '/')] = File.ReadAllText(file);
                }
            }
        }

        return files;
    }
}
