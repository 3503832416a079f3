using System.Xml.Linq;

using HomemadeML.Testing;

namespace HomemadeML.Engine.Tests;

public class EngineProjectTests
{
    [Fact]
    public void EngineProject_HasNoPackageReference()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot.Path, "src", "HomemadeML.Engine", "HomemadeML.Engine.csproj"));
        Assert.Empty(project.Descendants("PackageReference"));
        Assert.Empty(project.Descendants("ProjectReference"));
    }

    [Fact]
    public void EngineAssembly_ReferencesOnlyTheFramework()
    {
        var references = typeof(HomemadeML.Engine.LinearAlgebra.Matrix).Assembly.GetReferencedAssemblies();
        Assert.All(references, r => Assert.True(
            r.Name!.StartsWith("System", StringComparison.Ordinal) || r.Name == "netstandard",
            $"the engine references {r.Name}"));
    }
}
