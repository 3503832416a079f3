using System.Reflection;

namespace HomemadeML.Testing;

/// <summary>The repository root, recorded at build time (tests may run from any artifacts folder).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } =
        typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
}
