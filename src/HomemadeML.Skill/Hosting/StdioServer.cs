using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HomemadeML.Skill.Hosting;

/// <summary>The MCP server over stdio: what Claude Desktop, Claude Code and VS Code launch.</summary>
internal static class StdioServer
{
    public static async Task RunAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevelFromEnvironment());
        builder.Services.AddHomemadeMlSkill().WithStdioServerTransport();
        await builder.Build().RunAsync().ConfigureAwait(false);
    }

    /// <summary>HOMEMADE_ML_LOG_LEVEL (Trace … None); Warning by default, so stderr stays quiet.</summary>
    internal static LogLevel LogLevelFromEnvironment() =>
        Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("HOMEMADE_ML_LOG_LEVEL"), ignoreCase: true, out var level) ? level : LogLevel.Warning;
}
