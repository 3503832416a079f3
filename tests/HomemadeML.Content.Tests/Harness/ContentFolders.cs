using HomemadeML.Testing;

namespace HomemadeML.Content.Tests.Harness;

/// <summary>Paths into this checkout's content, and throw-away copies of it that a test may break.</summary>
internal static class ContentFolders
{
    public static string LessonsFolder => Path.Combine(RepositoryRoot.Path, "skill-content", "lessons");

    /// <summary>Lesson ids of the lesson files present in this checkout (file names without .md), sorted.</summary>
    public static IReadOnlyList<string> LessonIds() =>
        Directory.EnumerateFiles(LessonsFolder, "*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()!;

    /// <summary>A fresh temp copy of skill-content/ and notebooks-links/; deleted when disposed.</summary>
    public static TempContent CopyToTemp() => new();

    internal sealed class TempContent : IDisposable
    {
        public TempContent()
        {
            Root = Path.Combine(Path.GetTempPath(), "homemade-content-" + Guid.NewGuid().ToString("N"));
            foreach (var top in new[] { "skill-content", "notebooks-links" })
            {
                var source = Path.Combine(RepositoryRoot.Path, top);
                foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
                {
                    var target = Path.Combine(Root, top, Path.GetRelativePath(source, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }
            }
        }

        public string Root { get; }

        public string PathOf(string relative) => Path.Combine(Root, relative);

        /// <summary>Replaces the first occurrence of <paramref name="find"/> in a content file; fails if it is absent.</summary>
        public void Edit(string relative, string find, string replace)
        {
            var path = PathOf(relative);
            var text = File.ReadAllText(path);
            var index = text.IndexOf(find, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{find}' not found in {relative}");
            File.WriteAllText(path, string.Concat(text.AsSpan(0, index), replace, text.AsSpan(index + find.Length)));
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; never fail a test over cleanup.
            }
        }
    }
}
