using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HomemadeML.Skill.Services;
using HomemadeML.Skill.Tools;
using ModelContextProtocol;

namespace HomemadeML.Skill.Hosting;

/// <summary>
/// Compile-time JSON metadata for every type the tools take (enums included), return or describe in a schema, so the
/// server runs as a Native AOT binary (without it the host fails at start, and the build gives no warning). The
/// primitive types are the tools' parameters and the values a run's hyperparameter dictionary can hold.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RunReport))]
[JsonSerializable(typeof(CompareResult))]
[JsonSerializable(typeof(ExplanationLevel))]
[JsonSerializable(typeof(FormulaFormat))]
[JsonSerializable(typeof(CodeLanguage))]
[JsonSerializable(typeof(JsonElement?))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
internal sealed partial class SkillJsonContext : JsonSerializerContext;

/// <summary>The skill's JSON: snake_case structured results and schemas (run_example → training_ms, cost_history …).</summary>
public static class SkillJson
{
    // Built on first use, not in a static initializer: McpJsonUtilities.DefaultOptions must be ready first.
    private static readonly Lazy<JsonSerializerOptions> LazyOptions = new(() =>
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
        };
        options.TypeInfoResolverChain.Insert(0, SkillJsonContext.Default);
        options.MakeReadOnly();
        return options;
    });

    public static JsonSerializerOptions Options => LazyOptions.Value;

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, TypeInfo<T>(Options));

    public static string ToIndentedText<T>(T value) =>
        JsonSerializer.Serialize(value, TypeInfo<T>(new JsonSerializerOptions(Options) { WriteIndented = true }));

    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
