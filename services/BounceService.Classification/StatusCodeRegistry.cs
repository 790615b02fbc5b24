using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace BounceService.Classification;

/// <summary>
/// The IANA SMTP enhanced status code registry, read once from the embedded <c>StatusCodeRegistry.tsv</c>. Its own
/// type, so a broken table fails <see cref="SmtpStatusCodes.Describe"/> (and every registry test), not classification.
/// </summary>
internal static partial class StatusCodeRegistry
{
    private const string Header = "code\tsummary\tdescription\treference";

    /// <summary>One registry row: a class (<c>5</c>), a subject (<c>X.1</c>) or a detail (<c>X.1.1</c>).</summary>
    internal sealed record Entry(string Code, string Summary, string Description, string Reference);

    /// <summary>Every row by its code as the table writes it (<c>5</c>, <c>X.1</c>, <c>X.1.1</c>).</summary>
    internal static readonly FrozenDictionary<string, Entry> Entries = Load();

    [GeneratedRegex(@"^(?:[245]|X\.[0-7]|X\.[0-7]\.\d{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    private static FrozenDictionary<string, Entry> Load()
    {
        using var stream = typeof(StatusCodeRegistry).Assembly.GetManifestResourceStream("BounceService.Classification.StatusCodeRegistry.tsv")
            ?? throw new InvalidOperationException("Embedded resource StatusCodeRegistry.tsv is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>Reads the table; a malformed or repeated row is an error rather than a silently missing meaning.</summary>
    internal static FrozenDictionary<string, Entry> Parse(TextReader reader)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var (number, headerSeen) = (0, false);
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (!headerSeen)
            {
                if (line != Header) throw new InvalidDataException($"Registry line {number}: expected the header \"{Header}\".");
                headerSeen = true;
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length != 4 || !CodePattern().IsMatch(fields[0]) || fields.Skip(1).Any(string.IsNullOrWhiteSpace))
                throw new InvalidDataException($"Registry line {number}: expected a code, a summary, a description and a reference.");
            if (!entries.TryAdd(fields[0], new Entry(fields[0], fields[1], fields[2], fields[3])))
                throw new InvalidDataException($"Registry line {number}: {fields[0]} is listed twice.");
        }
        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
