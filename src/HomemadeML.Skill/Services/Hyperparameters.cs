using System.Globalization;
using System.Text.Json;

namespace HomemadeML.Skill.Services;

/// <summary>
/// The hyperparameters of one request, as given (JSON object or key=value pairs), read through typed getters
/// that validate and record every value actually used — defaults included — for the report.
/// </summary>
public sealed class Hyperparameters
{
    private readonly Dictionary<string, string> _given;

    // Names given as JSON arrays: only list hyperparameters (hidden_layers) take one; a number in brackets is refused.
    private readonly HashSet<string> _lists;
    private readonly SortedDictionary<string, object> _used = new(StringComparer.Ordinal);

    // Every name the algorithm asked about, given or not (epsilon of anomaly-detection is only read when given).
    private readonly SortedSet<string> _known = new(StringComparer.Ordinal);

    private Hyperparameters(Dictionary<string, string> given, HashSet<string>? lists = null)
    {
        _given = given;
        _lists = lists ?? new(StringComparer.OrdinalIgnoreCase);
    }

    public static Hyperparameters Empty => new(new(StringComparer.OrdinalIgnoreCase));

    /// <summary>From the MCP argument: an object of name → number, boolean, string or array of numbers.</summary>
    public static Hyperparameters FromJson(JsonElement element)
    {
        var given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lists = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return new(given);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new SkillArgumentException("hyperparameters", $"hyperparameters must be a JSON object such as {{\"learning_rate\": 0.1}}; got {element.ValueKind.ToString().ToLowerInvariant()}.");
        }

        foreach (var property in element.EnumerateObject())
        {
            given[property.Name] = Text(property.Name, property.Value);
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                lists.Add(property.Name);
            }
        }

        return new(given, lists);
    }

    /// <summary>From key=value pairs (the CLI's --set); lists are comma-separated.</summary>
    public static Hyperparameters FromPairs(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            given[key.Trim()] = value.Trim();
        }

        return new(given);
    }

    /// <summary>A copy with one value replaced (one sweep step).</summary>
    public Hyperparameters With(string name, string value) =>
        new(new(_given, StringComparer.OrdinalIgnoreCase) { [name] = value }, new(_lists.Where(l => !string.Equals(l, name, StringComparison.OrdinalIgnoreCase)), StringComparer.OrdinalIgnoreCase));

    /// <summary>Every value the run used, by name.</summary>
    public IReadOnlyDictionary<string, object> Used => _used;

    /// <summary>Whether the request gave <paramref name="name"/>; asking makes it a name the algorithm reads.</summary>
    public bool IsGiven(string name)
    {
        _known.Add(name);
        return _given.ContainsKey(name);
    }

    public double Number(string name, double fallback, double min, double max, bool minExclusive = false)
    {
        double value = fallback;
        if (Given(name, $"a finite number in {Range(min, max, minExclusive)}") is { } text)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
            {
                throw Invalid(name, text, $"a finite number in {Range(min, max, minExclusive)}");
            }

            if (value > max || value < min || (minExclusive && value == min))
            {
                throw Invalid(name, text, $"a number in {Range(min, max, minExclusive)}");
            }
        }

        _used[name] = value;
        return value;
    }

    public int Integer(string name, int fallback, int min, int max)
    {
        int value = fallback;
        if (Given(name, $"a whole number in {min}…{max}") is { } text)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number != Math.Floor(number) || number < min || number > max)
            {
                throw Invalid(name, text, $"a whole number in {min}…{max}");
            }

            value = (int)number;
        }

        _used[name] = value;
        return value;
    }

    public bool Flag(string name, bool fallback)
    {
        bool value = fallback;
        if (Given(name, "true or false") is { } text && !bool.TryParse(text, out value))
        {
            throw Invalid(name, text, "true or false");
        }

        _used[name] = value;
        return value;
    }

    public string Choice(string name, string fallback, params string[] allowed)
    {
        string value = fallback;
        if (Given(name, $"one of {string.Join(", ", allowed)}") is { } text)
        {
            value = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase))
                ?? throw Invalid(name, text, $"one of {string.Join(", ", allowed)}");
        }

        _used[name] = value;
        return value;
    }

    public int[] IntegerList(string name, int[] fallback, int min, int max, int maxCount)
    {
        int[] value = fallback;
        _known.Add(name);
        if (_given.TryGetValue(name, out var text))
        {
            var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || parts.Length > maxCount)
            {
                throw Invalid(name, text, $"a list of 1…{maxCount} whole numbers, each in {min}…{max}, e.g. [25] or [25, 10]");
            }

            value = new int[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out value[i]) || value[i] < min || value[i] > max)
                {
                    throw Invalid(name, text, $"a list of whole numbers, each in {min}…{max} (item {i + 1} is '{parts[i]}')");
                }
            }
        }

        _used[name] = value;
        return value;
    }

    /// <summary>Fails when a given name was not read by the algorithm: a typo or a setting that does not apply to it.</summary>
    public void RequireAllUsed(string algorithm)
    {
        var unknown = _given.Keys.Where(k => !_known.Contains(k, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new SkillArgumentException("hyperparameters",
                $"hyperparameters: {string.Join(", ", unknown.Select(u => u.Length == 0 || u.Trim() != u ? $"'{u}'" : u))} do(es) not apply to {algorithm}; allowed: {string.Join(", ", _known)}.");
        }
    }

    /// <summary>The given text of a single-valued hyperparameter (null when not given); an array is refused.</summary>
    private string? Given(string name, string allowed)
    {
        _known.Add(name);
        if (!_given.TryGetValue(name, out var text))
        {
            return null;
        }

        return _lists.Contains(name) ? throw Invalid(name, text, $"{allowed}, not an array") : text;
    }

    private SkillArgumentException Invalid(string name, string text, string allowed) =>
        new("hyperparameters", $"hyperparameters.{name}: got {(_lists.Contains(name) ? $"[{text}]" : text)}; allowed: {allowed}.");

    private static string Range(double min, double max, bool minExclusive) =>
        $"{(minExclusive ? "(" : "[")}{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]";

    private static string Text(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Number ? item.GetRawText() : item.ToString())),
        _ => throw new SkillArgumentException("hyperparameters", $"hyperparameters.{name}: got {value.ValueKind.ToString().ToLowerInvariant()}; allowed: a number, true/false, a string or an array of numbers."),
    };
}
