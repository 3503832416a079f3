using System.Reflection;
using HomemadeML.Content;
using HomemadeML.Skill.Hosting;
using HomemadeML.Skill.Prompts;
using HomemadeML.Skill.Resources;
using HomemadeML.Skill.Services;
using HomemadeML.Skill.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the skill's services and its MCP tools, resources and prompts.</summary>
public static class SkillServiceCollectionExtensions
{
    /// <summary>The services the tools and the CLI share: limits, content, name resolution and the example runner.</summary>
    public static IServiceCollection AddHomemadeMlServices(this IServiceCollection services, SkillLimits? limits = null)
    {
        services.AddSingleton(_ => limits ?? SkillLimits.FromEnvironment());
        services.AddSingleton<Func<LessonLibrary>>(() => LessonLibrary.Embedded);
        services.AddSingleton<AlgorithmNames>();
        services.AddSingleton<RunStore>();
        services.AddSingleton(sp => new ExampleRunner(sp.GetRequiredService<SkillLimits>(), NotebookLinks.FirstFor));
        return services;
    }

    /// <summary>The MCP server with every tool, resource and prompt of the skill; the caller adds a transport.</summary>
    public static IMcpServerBuilder AddHomemadeMlSkill(this IServiceCollection services, SkillLimits? limits = null)
    {
        services.AddHomemadeMlServices(limits);
        // Once, after the SDK has filled the tool collection from the [McpServerTool] methods.
        services.PostConfigure<McpServerOptions>(options =>
        {
            foreach (var tool in options.ToolCollection ?? [])
            {
                tool.ProtocolTool.InputSchema = PortableSchemas.Tighten(tool.ProtocolTool.InputSchema);
                if (tool.ProtocolTool.OutputSchema is { } output)
                {
                    tool.ProtocolTool.OutputSchema = PortableSchemas.Tighten(output);
                }
            }
        });
        var version = typeof(SkillServiceCollectionExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
        return services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "homemade-ml", Title = "HomemadeML.Skill", Version = version };
                options.ServerInstructions =
                    "Teaches machine learning from scratch. Five algorithms in learning order: linear-regression, logistic-regression, " +
                    "multilayer-perceptron, k-means, anomaly-detection. Use explain_algorithm and show_formula to teach, run_example to train " +
                    "the real engine on built-in or pasted CSV data (it returns measured metrics and a cost history), compare_algorithms to " +
                    "contrast them, learning_path for what to study next.";
            })
            .WithRequestFilters(filters => filters.AddCallToolFilter(CallToolGuard.Wrap))
            .WithTools<AlgorithmTools>(SkillJson.Options)
            .WithTools<RunTools>(SkillJson.Options)
            .WithTools<PathTools>(SkillJson.Options)
            .WithResources<SkillResources>()
            .WithResources<RunResources>()
            .WithPrompts<SkillPrompts>(SkillJson.Options);
    }
}
