using HomemadeML.Skill.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HomemadeML.Skill.Hosting;

/// <summary>The MCP server over stdio: what Claude Desktop, Claude Code and VS Code launch.</summary>
internal static class StdioServer
{
    /// <summary>Serves until stdin closes; exit code 2 with a clear stderr message on a bad limit flag or variable.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        SkillLimits limits;
        try
        {
            limits = SkillLimits.FromEnvironmentAndArguments(args.SkipWhile(a => a == "serve").ToArray());
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"homemade-ml: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        ConfigureLogging(builder.Logging);
        builder.Services.AddHomemadeMlSkill(limits).WithStdioServerTransport();
        await builder.Build().RunAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// Console logging on stderr at HOMEMADE_ML_LOG_LEVEL (Trace … None). Unset: Warning, and Error for the SDK's own
    /// categories, which log every refused argument and every cancelled call as a warning with a stack trace.
    /// </summary>
    internal static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("HOMEMADE_ML_LOG_LEVEL"), ignoreCase: true, out var level))
        {
            logging.SetMinimumLevel(level);
            return;
        }

        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("ModelContextProtocol", LogLevel.Error);
    }
}
