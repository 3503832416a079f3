using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace HomemadeML.Skill.Tests.Hosting;

public class StdioServerTests
{
    [Fact]
    public async Task FullSession_OverStdio_EveryStdoutLineIsJsonRpc()
    {
        using var process = Process.Start(ServerProcess.StartInfo())!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string[] requests =
        [
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""",
            """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
            """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""",
            """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"run_example","arguments":{"algorithm":"k-means","seed":1}}}""",
            """{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"run_example","arguments":{"algorithm":"no-such"}}}""",
            """{"jsonrpc":"2.0","id":5,"method":"prompts/list"}""",
        ];
        var answered = new HashSet<int>();
        var lines = new List<string>();
        foreach (var request in requests)
        {
            await process.StandardInput.WriteLineAsync(request.AsMemory(), TestContext.Current.CancellationToken);
            await process.StandardInput.FlushAsync(TestContext.Current.CancellationToken);
            if (!request.Contains("\"id\"", StringComparison.Ordinal))
            {
                continue;
            }

            int id = JsonDocument.Parse(request).RootElement.GetProperty("id").GetInt32();
            while (!answered.Contains(id))
            {
                var line = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken)
                    ?? throw new InvalidOperationException($"the server closed stdout; stderr: {await stderr}");
                lines.Add(line);
                using var message = JsonDocument.Parse(line); // throws on anything that is not JSON
                Assert.Equal("2.0", message.RootElement.GetProperty("jsonrpc").GetString());
                if (message.RootElement.TryGetProperty("id", out var answeredId))
                {
                    answered.Add(answeredId.GetInt32());
                }
            }
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(5, answered.Count);
        Assert.Contains(lines, l => l.Contains("\"inertia\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("serve", "--help")]
    [InlineData("--http", "--help")]
    [InlineData("--max-cells", "1000", "-h")]
    public async Task ServerCommandWithHelp_PrintsUsageInsteadOfServing(params string[] args)
    {
        using var process = Process.Start(ServerProcess.StartInfo(args))!;
        process.StandardInput.Close(); // a server would wait for requests; usage does not read stdin
        string output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("--max-network-weights N", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SdkClient_OverStdio_ListsToolsResourcesAndPrompts()
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions { Command = "dotnet", Arguments = [ServerProcess.Dll], Name = "homemade-ml" });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("homemade-ml", client.ServerInfo!.Name);
        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(
            ["compare_algorithms", "explain_algorithm", "get_notebook_links", "learning_path", "list_algorithms", "run_example", "show_code", "show_formula"],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(tools, t => Assert.Equal("object", t.JsonSchema.GetProperty("type").GetString()));
        Assert.NotNull(tools.Single(t => t.Name == "run_example").ProtocolTool.OutputSchema);
        var templates = await client.ListResourceTemplatesAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(templates, t => t.UriTemplate == "homemade-ml://lessons/{algorithm}");
        Assert.Contains(templates, t => t.UriTemplate == "homemade-ml://datasets/{name}");
        var prompts = await client.ListPromptsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["debug_my_training", "learn_algorithm", "study_session"], prompts.Select(p => p.Name).Order(StringComparer.Ordinal));
        var completion = await client.CompleteAsync(new PromptReference { Name = "learn_algorithm" }, "algorithm", "lo", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains("logistic-regression", completion.Completion.Values);
    }
}
