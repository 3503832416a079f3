using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using HomemadeML.Skill.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HomemadeML.Skill.Tools;

/// <summary>
/// Checks a tools/call's arguments against the tool method's parameters before the SDK binds them. The SDK's binder
/// answers a missing argument or a value of the wrong JSON type with a bare "An error occurred invoking 'tool'.";
/// this check runs first (from the tool class's constructor, which the SDK calls before binding) and answers with
/// the argument's name, the value given and what is allowed. It also refuses enum numbers that name no member and
/// names that are not arguments of the tool (a hyperparameter given at the top level is silently ignored otherwise).
/// It runs in the server's tools/call filter (Hosting/CallToolGuard.cs), before the SDK binds anything.
/// </summary>
internal static class ToolArguments
{
    private const int ShownValueLength = 80;

    private static readonly ConcurrentDictionary<string, ParameterInfo[]?> Parameters = new(StringComparer.Ordinal);

    /// <summary>Throws an <see cref="McpException"/> naming the first argument that does not fit the tool; unknown tools pass (the SDK answers those).</summary>
    public static void Check(CallToolRequestParams call)
    {
        var parameters = Parameters.GetOrAdd(call.Name, BoundParameters);
        if (parameters is null)
        {
            return;
        }

        var arguments = call.Arguments ?? new Dictionary<string, JsonElement>();
        foreach (var name in arguments.Keys.Order(StringComparer.Ordinal))
        {
            if (!Array.Exists(parameters, p => p.Name == name))
            {
                var hint = name is "learning_rate" or "iterations" or "regularization" or "polynomial_degree" or "sinusoid_degree" or "normalize"
                    or "optimizer" or "hidden_layers" or "epsilon" or "batch_size" or "momentum" or "k" or "init" or "restarts" or "full_covariance"
                    && Array.Exists(parameters, p => p.Name == "hyperparameters")
                    ? $" Hyperparameters go inside hyperparameters, e.g. {{\"hyperparameters\": {{\"{name}\": …}}}}."
                    : "";
                throw new McpException(parameters.Length == 0
                    ? $"'{Shown(name)}' is not an argument of {call.Name}, which takes none."
                    : $"'{Shown(name)}' is not an argument of {call.Name}; arguments: {string.Join(", ", parameters.Select(p => p.Name))}.{hint}");
            }
        }

        foreach (var parameter in parameters)
        {
            string name = parameter.Name!;
            if (!arguments.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Undefined)
            {
                if (!parameter.HasDefaultValue)
                {
                    throw new McpException($"{name}: is required but was not given; allowed: {Allowed(parameter)}.");
                }

                continue;
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                if (!AcceptsNull(parameter))
                {
                    throw new McpException($"{name}: got null; allowed: {Allowed(parameter)}.");
                }

                continue;
            }

            if (parameter.ParameterType == typeof(JsonElement) || parameter.ParameterType == typeof(JsonElement?))
            {
                continue; // Read by the tool itself, which names what it expected.
            }

            object? bound;
            try
            {
                bound = value.Deserialize(SkillJson.Options.GetTypeInfo(parameter.ParameterType));
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
            {
                throw new McpException($"{name}: got {Shown(value)}; allowed: {Allowed(parameter)}.");
            }

            if (bound is Enum member && !Enum.IsDefined(member.GetType(), member))
            {
                throw new McpException($"{name}: got {Shown(value)}; allowed: {Allowed(parameter)}.");
            }

            if (bound is string[] items && Array.Exists(items, i => i is null))
            {
                throw new McpException($"{name}: got {Shown(value)}, which holds null; allowed: {Allowed(parameter)}.");
            }
        }
    }

    /// <summary>The parameters the SDK fills from the call's arguments (not the ones it injects), or null for no such tool.</summary>
    private static ParameterInfo[]? BoundParameters(string toolName)
    {
        const BindingFlags Methods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        var method = typeof(AlgorithmTools).GetMethods(Methods).Concat(typeof(RunTools).GetMethods(Methods)).Concat(typeof(PathTools).GetMethods(Methods))
            .FirstOrDefault(m => m.GetCustomAttribute<McpServerToolAttribute>() is { } tool && (tool.Name ?? m.Name) == toolName);
        return method?.GetParameters().Where(p => !IsInjected(p.ParameterType)).ToArray();
    }

    private static bool IsInjected(Type type) =>
        type == typeof(CancellationToken) || type == typeof(IProgress<ProgressNotificationValue>) || type == typeof(McpServer)
        || type == typeof(RequestContext<CallToolRequestParams>) || type == typeof(IServiceProvider) || type == typeof(ClaimsPrincipal)
        || type == typeof(IServiceScopeFactory);

    // Only Nullable<T> parameters take null (the tools declare no nullable reference parameter; NullabilityInfoContext is off under trimming).
    private static bool AcceptsNull(ParameterInfo parameter) => Nullable.GetUnderlyingType(parameter.ParameterType) is not null;

    private static string Allowed(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        string kind = type switch
        {
            _ when type == typeof(string) => "a string",
            _ when type == typeof(int) => $"a whole number in {int.MinValue.ToString(CultureInfo.InvariantCulture)}…{int.MaxValue.ToString(CultureInfo.InvariantCulture)}",
            _ when type == typeof(double) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(string[]) => "an array of strings",
            _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)
                .Select(n => JsonSerializer.Serialize(Enum.Parse(type, n), SkillJson.Options.GetTypeInfo(type)).Trim('"'))),
            _ => $"a JSON value of type {type.Name}",
        };
        var description = parameter.GetCustomAttribute<DescriptionAttribute>()?.Description;
        return description is { Length: > 0 } ? $"{kind} ({description.TrimEnd('.')})" : kind;
    }

    private static string Shown(JsonElement value) => Shown(value.GetRawText());

    private static string Shown(string text) => text.Length <= ShownValueLength ? text : string.Concat(text.AsSpan(0, ShownValueLength), $"… ({text.Length} characters)");
}
