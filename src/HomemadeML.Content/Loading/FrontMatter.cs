namespace HomemadeML.Content.Loading;

/// <summary>
/// The small YAML subset content files use: one <c>key: value</c> per line, values either a scalar
/// (optionally "quoted") or a flow list <c>[a, b, "c d"]</c>; <c># comments</c> and blank lines are ignored.
/// </summary>
internal sealed class FrontMatter
{
    private readonly Dictionary<string, Entry> entries;
    private readonly string file;
    private readonly int firstLine;

    private FrontMatter(string file, int firstLine, Dictionary<string, Entry> entries)
    {
        this.file = file;
        this.firstLine = firstLine;
        this.entries = entries;
    }

    /// <summary>Line of the opening <c>---</c> (1 when present).</summary>
    public int FirstLine => firstLine;

    /// <summary>Parses the lines between the <c>---</c> fences; <paramref name="firstContentLine"/> is the 1-based line of the first.</summary>
    public static FrontMatter Parse(string file, IReadOnlyList<string> lines, int firstContentLine)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var lineNumber = firstContentLine + i;
            var text = StripComment(lines[i]).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new ContentLoadException(file, lineNumber, $"front matter line '{lines[i].Trim()}' is not 'key: value'");
            }

            var key = text[..colon].Trim();
            var raw = text[(colon + 1)..].Trim();
            if (!entries.TryAdd(key, ParseValue(file, lineNumber, key, raw)))
            {
                throw new ContentLoadException(file, lineNumber, $"front matter key '{key}' appears twice");
            }
        }

        return new FrontMatter(file, Math.Max(1, firstContentLine - 1), entries);
    }

    public int LineOf(string key) => entries.TryGetValue(key, out var entry) ? entry.Line : firstLine;

    public bool Has(string key) => entries.ContainsKey(key);

    public string RequireScalar(string key)
    {
        var entry = Require(key);
        if (entry.List is not null || string.IsNullOrWhiteSpace(entry.Scalar))
        {
            throw new ContentLoadException(file, entry.Line, $"front matter key '{key}' must be a non-empty single value");
        }

        return entry.Scalar;
    }

    public int RequireInteger(string key)
    {
        var text = RequireScalar(key);
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ContentLoadException(file, LineOf(key), $"front matter key '{key}' must be an integer; got '{text}'");
    }

    public IReadOnlyList<string> RequireList(string key)
    {
        var entry = Require(key);
        return entry.List
            ?? throw new ContentLoadException(file, entry.Line, $"front matter key '{key}' must be a list like [a, b]; got '{entry.Scalar}'");
    }

    private Entry Require(string key) =>
        entries.TryGetValue(key, out var entry)
            ? entry
            : throw new ContentLoadException(file, firstLine, $"front matter is missing required key '{key}'");

    private static Entry ParseValue(string file, int line, string key, string raw)
    {
        if (!raw.StartsWith('['))
        {
            return new Entry(Unquote(raw), null, line);
        }

        if (!raw.EndsWith(']'))
        {
            throw new ContentLoadException(file, line, $"front matter list '{key}' must close with ']' on the same line");
        }

        var inner = raw[1..^1];
        var items = new List<string>();
        var current = new System.Text.StringBuilder();
        char? quote = null;
        foreach (var c in inner)
        {
            if (quote is null && c == ',')
            {
                AddItem(items, current);
                continue;
            }

            if (c is '"' or '\'')
            {
                quote = quote == c ? null : quote ?? c;
            }

            current.Append(c);
        }

        AddItem(items, current);
        return new Entry(null, items, line);
    }

    private static void AddItem(List<string> items, System.Text.StringBuilder current)
    {
        var item = Unquote(current.ToString().Trim());
        current.Clear();
        if (item.Length > 0)
        {
            items.Add(item);
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;

    // A '#' starts a comment only outside quotes and after whitespace (so "c#" inside a value survives).
    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '"' or '\'')
            {
                quote = quote == c ? null : quote ?? c;
            }
            else if (c == '#' && quote is null && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    private sealed record Entry(string? Scalar, IReadOnlyList<string>? List, int Line);
}
