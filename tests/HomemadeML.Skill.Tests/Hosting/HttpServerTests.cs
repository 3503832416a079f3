using System.Diagnostics;
using System.Net;
using System.Text;
using ModelContextProtocol.Client;

namespace HomemadeML.Skill.Tests.Hosting;

public sealed class HttpServerTests : IAsyncLifetime
{
    private const string Token = "test-token-7f3a";
    private readonly int _port = ServerProcess.FreePort();
    private Process? _server;

    private string BaseUrl => $"http://127.0.0.1:{_port}";

    public async ValueTask InitializeAsync()
    {
        var info = ServerProcess.StartInfo("--http", "--urls", BaseUrl);
        info.Environment["HOMEMADE_ML_TOKEN"] = Token;
        _server = Process.Start(info)!;
        using var http = new HttpClient();
        for (int attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                if ((await http.GetAsync(new Uri($"{BaseUrl}/health"), TestContext.Current.CancellationToken)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new InvalidOperationException("the HTTP server did not answer /health within 20 s");
    }

    public ValueTask DisposeAsync()
    {
        _server?.Kill(entireProcessTree: true);
        _server?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task SdkClient_WithToken_ListsToolsAndRunsAnExample()
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri($"{BaseUrl}/mcp"),
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {Token}" },
        });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);
        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(tools, t => t.Name == "run_example");
        var result = await client.CallToolAsync("run_example", new Dictionary<string, object?> { ["algorithm"] = "anomaly-detection" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEqual(true, result.IsError);
    }

    [Theory]
    [InlineData("https://evil.example", Token, HttpStatusCode.Forbidden)]
    [InlineData(null, "wrong", HttpStatusCode.Unauthorized)]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    public async Task Post_ForeignOriginOrBadToken_IsRefused(string? origin, string? token, HttpStatusCode expected)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{BaseUrl}/mcp"))
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (token is not null)
        {
            request.Headers.Add("Authorization", $"Bearer {token}");
        }

        var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_IsRefused()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{BaseUrl}/mcp"))
        {
            Content = new StringContent(new string(' ', 6 * 1024 * 1024), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Authorization", $"Bearer {Token}");
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        try
        {
            var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }
        catch (HttpRequestException)
        {
            // Kestrel may answer 413 and close the connection while the client is still sending: refused either way.
        }

        using var probe = new HttpClient();
        Assert.True((await probe.GetAsync(new Uri($"{BaseUrl}/health"), TestContext.Current.CancellationToken)).IsSuccessStatusCode, "the server still answers");
    }

    [Fact]
    public async Task Start_NonLoopbackBindWithoutAllowRemote_ExitsWithAClearError()
    {
        using var process = Process.Start(ServerProcess.StartInfo("--http", "--urls", "http://0.0.0.0:5999"))!;
        string error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--allow-remote", error, StringComparison.Ordinal);
    }
}
