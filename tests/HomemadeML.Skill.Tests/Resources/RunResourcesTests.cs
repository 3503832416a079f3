using ModelContextProtocol;

namespace HomemadeML.Skill.Tests.Resources;

public class RunResourcesTests : SkillTestBase
{
    [Fact]
    public async Task ReadResource_ChartOfAnUnknownRun_IsAnErrorNamingIt()
    {
        var error = await Assert.ThrowsAnyAsync<McpException>(() =>
            Client.ReadResourceAsync("homemade-ml://runs/run-999/cost.png", cancellationToken: TestContext.Current.CancellationToken).AsTask());
        Assert.Contains("run-999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_AlgorithmOfAPrompt_OffersTheMatchingIds()
    {
        var result = await Client.CompleteAsync(new ModelContextProtocol.Protocol.PromptReference { Name = "learn_algorithm" }, "algorithm", "k",
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("k-means", result.Completion.Values);
        Assert.DoesNotContain("linear-regression", result.Completion.Values);
    }

    [Fact]
    public async Task Complete_DatasetOfTheResourceTemplate_OffersBuiltInNames()
    {
        var result = await Client.CompleteAsync(new ModelContextProtocol.Protocol.ResourceTemplateReference { Uri = "homemade-ml://datasets/{name}" }, "name", "ir",
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("iris", result.Completion.Values);
    }
}
