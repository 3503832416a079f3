using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace HomemadeML.Skill.Tests.Hardening;

/// <summary>
/// Issue #8: a long session must not grow memory without end. 1,000 cheap runs, many with charts (which the RunStore
/// keeps, at most <see cref="HomemadeML.Skill.Services.RunStore.Capacity"/> runs): the managed heap after the last must stay near
/// the heap after the first 100, and the store must hold exactly its capacity.
/// </summary>
[Collection(nameof(Measurements))]
public sealed partial class MemoryBoundTests : SkillTestBase
{
    private static readonly string[] Shapes =
    [
        """{"algorithm":"linear-regression","dataset":"noisy-line","hyperparameters":{"iterations":20}}""",
        """{"algorithm":"k-means","dataset":"blobs","hyperparameters":{"iterations":5}}""",
        """{"algorithm":"logistic-regression","dataset":"iris","hyperparameters":{"iterations":10}}""",
        """{"algorithm":"anomaly-detection","dataset":"server-metrics"}""",
        """{"algorithm":"multilayer-perceptron","dataset":"iris","hyperparameters":{"iterations":10,"hidden_layers":[5]}}""",
    ];

    [Fact]
    public async Task InMemory_1000Runs_ManagedMemoryStaysBoundedAndTheRunStoreHoldsItsCapacity()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        long afterFirst100 = 0;
        int plotted = 0;
        string? lastRunId = null;
        for (int i = 0; i < 1000; i++)
        {
            // Charts on every 3rd of the first 100 calls (so the store is full by then), then on every 10th.
            bool plot = i < 100 ? i % 3 == 0 : i % 10 == 0;
            var arguments = Results.Arguments(Shapes[i % Shapes.Length]);
            arguments["seed"] = System.Text.Json.JsonSerializer.SerializeToElement(i);
            arguments["include_plot"] = System.Text.Json.JsonSerializer.SerializeToElement(plot);
            var result = await Client.CallToolAsync(new CallToolRequestParams { Name = "run_example", Arguments = arguments }, ct);
            Assert.True(result.IsError != true, Results.Text(result));
            if (plot)
            {
                plotted++;
                lastRunId = RunId().Match(result.Content.OfType<ResourceLinkBlock>().First().Uri).Groups[1].Value;
            }

            if (i == 99)
            {
                afterFirst100 = SettledMemory();
            }
        }

        long atEnd = SettledMemory();
        var kept = await KeptRunsAsync(ct);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory (in-memory): 1,000 run_example calls ({plotted} with charts) in {clock.Elapsed.TotalSeconds:F1} s; managed heap after GC {afterFirst100 / 1048576.0:F1} MB after the first 100, " +
            $"{atEnd / 1048576.0:F1} MB after 1,000 (growth {(atEnd - afterFirst100) / 1048576.0:F1} MB); run store keeps {kept.Count} runs ({kept[0]} … {kept[^1]})"));
        Assert.Equal(HomemadeML.Skill.Services.RunStore.Capacity, kept.Count);
        Assert.Equal(lastRunId, kept[^1]);
        Assert.True(atEnd - afterFirst100 < 10 * 1024 * 1024, $"the heap grew {(atEnd - afterFirst100) / 1048576.0:F1} MB from call 100 to call 1,000");
    }

    /// <summary>The run ids the store still keeps, read from the resource error that lists them.</summary>
    private async Task<List<string>> KeptRunsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Client.ReadResourceAsync(new Uri("homemade-ml://runs/run-0/none.png"), cancellationToken: cancellationToken);
        }
        catch (McpException ex)
        {
            var list = KeptList().Match(ex.Message);
            Assert.True(list.Success, ex.Message);
            return [.. list.Groups[1].Value.Split(", ")];
        }

        throw new InvalidOperationException("run-0 should not exist");
    }

    private static long SettledMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    [GeneratedRegex(@"homemade-ml://runs/(run-\d+)/")]
    private static partial Regex RunId();

    [GeneratedRegex(@"kept runs: ([^(]+?) \(")]
    private static partial Regex KeptList();
}
