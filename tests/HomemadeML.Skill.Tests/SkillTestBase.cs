using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace HomemadeML.Skill.Tests;

/// <summary>The SDK's client connected to the real server through two in-memory pipes.</summary>
public abstract class SkillTestBase : IAsyncLifetime
{
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private IHost? _host;

    protected McpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddHomemadeMlSkill().WithStreamServerTransport(_clientToServer.Reader.AsStream(), _serverToClient.Writer.AsStream());
        _host = builder.Build();
        await _host.StartAsync(TestContext.Current.CancellationToken);
        Client = await McpClient.CreateAsync(
            new StreamClientTransport(_clientToServer.Writer.AsStream(), _serverToClient.Reader.AsStream()),
            cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _clientToServer.Writer.CompleteAsync();
        await _serverToClient.Writer.CompleteAsync();
        if (_host is not null)
        {
            await _host.StopAsync(TestContext.Current.CancellationToken);
            _host.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    protected Task<CallToolResult> CallAsync(string tool, object? arguments = null, IProgress<ModelContextProtocol.ProgressNotificationValue>? progress = null) =>
        CallCancellableAsync(tool, arguments, progress, TestContext.Current.CancellationToken);

    protected Task<CallToolResult> CallCancellableAsync(string tool, object? arguments, IProgress<ModelContextProtocol.ProgressNotificationValue>? progress, CancellationToken cancellationToken) =>
        Client.CallToolAsync(tool, ToDictionary(arguments), progress, cancellationToken: cancellationToken).AsTask();

    protected static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    private static Dictionary<string, object?> ToDictionary(object? arguments) => arguments is null
        ? []
        : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(arguments))!.ToDictionary(p => p.Key, p => (object?)p.Value);
}
