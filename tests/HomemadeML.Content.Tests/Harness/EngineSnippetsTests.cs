namespace HomemadeML.Content.Tests.Harness;

public sealed class EngineSnippetsTests
{
    [Fact]
    public void Dedent_CommonIndent_IsRemovedAndBlankLinesKept()
    {
        var text = EngineSnippets.Dedent(["        for (;;)", "        {", "", "            x++;   ", "        }"]);

        Assert.Equal("for (;;)\n{\n\n    x++;\n}", text);
    }

    [Fact]
    public void Region_LinearRegressionMarkers_AreFoundAndDedented()
    {
        // The linear-regression region exists since the engine's first commit; it stands in for any marked region.
        var region = EngineSnippets.Region("linear-regression");

        Assert.NotNull(region);
        Assert.DoesNotContain("lesson-snippet", region, StringComparison.Ordinal);
        Assert.False(char.IsWhiteSpace(region[0]), "the first line keeps no common indent");
    }

    [Fact]
    public void Region_UnmarkedId_IsNull()
    {
        Assert.Null(EngineSnippets.Region("support-vector-machine"));
    }

    [Fact]
    public void RewriteFence_ReplacesOnlyTheFenceBody()
    {
        var file = Path.Combine(Path.GetTempPath(), $"snippet-{Guid.NewGuid():N}.md");
        File.WriteAllText(file, "## Code {#code-csharp}\nSee the engine.\n\n```csharp\nold();\n```\n\n## Next {#next}\n");
        try
        {
            EngineSnippets.RewriteFence(file, 4, "first();\n\nsecond();");

            Assert.Equal(
                "## Code {#code-csharp}\nSee the engine.\n\n```csharp\nfirst();\n\nsecond();\n```\n\n## Next {#next}\n",
                File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Diff_FirstDifferentLine_IsNamed()
    {
        var diff = EngineSnippets.Diff("a\nb\nc", "a\nB\nc");

        Assert.Contains("line 2", diff, StringComparison.Ordinal);
        Assert.Contains("- engine: b", diff, StringComparison.Ordinal);
        Assert.Contains("+ lesson: B", diff, StringComparison.Ordinal);
    }
}
