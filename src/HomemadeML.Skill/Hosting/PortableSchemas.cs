using System.Text.Json;
using System.Text.Json.Nodes;

namespace HomemadeML.Skill.Hosting;

/// <summary>
/// Rewrites tool schemas into the subset every client accepts (MCP Inspector 2.x <c>--strict</c> reports nothing):
/// some hosts map schemas onto a single-type dialect (Gemini's OpenAPI subset) and reject type arrays, or cannot
/// tell what an untyped argument is.
/// </summary>
internal static class PortableSchemas
{
    private static readonly string[] TypeKeywords = ["type", "$ref", "anyOf", "oneOf", "allOf", "enum", "const"];

    /// <summary>
    /// ["object","null"] becomes "object" (the skill never writes null: null members are left out of the JSON), and a
    /// property with no type at all — a free-form JSON argument (hyperparameters, sweep) — declares "type": "object", and
    /// the empty "items" the schema exporter leaves beside a "$ref" (the reference already says what the items are) goes.
    /// </summary>
    public static JsonElement Tighten(JsonElement schema)
    {
        var root = JsonNode.Parse(schema.GetRawText())!;
        Visit(root);
        return JsonElement.Parse(root.ToJsonString());
    }

    private static void Visit(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                if (schema["type"] is JsonArray types && types.Count == 2 && types.Any(t => t?.GetValue<string>() == "null"))
                {
                    schema["type"] = types.First(t => t?.GetValue<string>() != "null")!.GetValue<string>();
                }

                if (schema.ContainsKey("$ref") && schema["items"] is JsonObject { Count: 0 })
                {
                    schema.Remove("items");
                }

                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (_, property) in properties)
                    {
                        if (property is JsonObject untyped && !TypeKeywords.Any(untyped.ContainsKey))
                        {
                            untyped["type"] = "object";
                        }
                    }
                }

                foreach (var (_, child) in schema.ToList())
                {
                    Visit(child);
                }

                break;
            case JsonArray items:
                foreach (var child in items)
                {
                    Visit(child);
                }

                break;
        }
    }
}
