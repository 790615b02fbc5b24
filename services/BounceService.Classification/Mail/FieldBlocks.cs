namespace BounceService.Classification.Mail;

/// <summary>
/// Reads RFC 822 style "Name: value" fields, unfolding continuation lines, grouped into the blank-line
/// separated blocks that RFC 3464 and RFC 5965 reports use.
/// </summary>
internal static class FieldBlocks
{
    private const int MaxLines = 4000;

    public static List<List<KeyValuePair<string, string>>> Parse(string text)
    {
        var blocks = new List<List<KeyValuePair<string, string>>>();
        var current = new List<KeyValuePair<string, string>>();
        var lines = text.Split('\n', MaxLines);
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (current.Count > 0) blocks.Add(current);
                current = [];
            }
            else if (char.IsWhiteSpace(line[0]) && current.Count > 0)
            {
                var last = current[^1];
                current[^1] = new(last.Key, last.Value + " " + line.Trim());
            }
            else if (line.IndexOf(':') is > 0 and var colon && IsName(line.AsSpan(0, colon)))
            {
                current.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }
        if (current.Count > 0) blocks.Add(current);
        return blocks;
    }

    /// <summary>The first value of <paramref name="name"/> in <paramref name="block"/>, or null.</summary>
    public static string? Get(this List<KeyValuePair<string, string>> block, string name)
    {
        foreach (var field in block)
        {
            if (field.Key.Equals(name, StringComparison.OrdinalIgnoreCase)) return field.Value;
        }
        return null;
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.Length > 64) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_')) return false;
        }
        return true;
    }
}
