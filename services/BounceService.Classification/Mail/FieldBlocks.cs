using System.Text;

namespace BounceService.Classification.Mail;

/// <summary>
/// Reads RFC 822 style "Name: value" fields, unfolding continuation lines, grouped into the blank-line
/// separated blocks that RFC 3464 and RFC 5965 reports use.
/// </summary>
/// <remarks>Blocks are read one at a time as the caller asks, so a caller that wants the first block of a
/// long pasted copy does not read the rest.</remarks>
internal static class FieldBlocks
{
    private const int MaxLines = 4000;

    // The names that every report block and header block repeats: one string each, not a new one per field.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonNames = new HashSet<string>(
    [
        "Reporting-MTA", "Arrival-Date", "Received-From-MTA", "Final-Recipient", "Original-Recipient", "Action", "Status",
        "Remote-MTA", "Diagnostic-Code", "Last-Attempt-Date", "Will-Retry-Until", "X-Postfix-Queue-ID", "X-Postfix-Sender",
        "Feedback-Type", "User-Agent", "Version", "Original-Mail-From", "Original-Rcpt-To", "Source-IP", "Reported-Domain",
        "Received", "Return-Path", "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
        "Content-Transfer-Encoding", "DKIM-Signature", "Authentication-Results",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public static IEnumerable<List<KeyValuePair<string, string>>> Parse(string text) => Parse(text.AsMemory());

    /// <summary>The same over part of a text (a pasted copy read where it lies in the notification).</summary>
    /// <param name="text">The text.</param>
    /// <param name="valueWanted">Which fields' values the caller reads; the others are kept with an empty value, so
    /// a header block's Received and DKIM lines are not made strings only to be skipped. All when null.</param>
    public static IEnumerable<List<KeyValuePair<string, string>>> Parse(ReadOnlyMemory<char> text, Func<string, bool>? valueWanted = null)
    {
        var current = new List<KeyValuePair<string, string>>();
        // The field being read: its value is made a string once its continuation lines are all read (a DKIM
        // signature in a pasted copy folds over many), not once per line; a value on one line (most), straight
        // from where it lies.
        string? name = null;
        var wanted = true;
        var first = new Range(0, 0);
        var folded = new StringBuilder();
        var start = 0;
        for (var lines = 0; start <= text.Length && lines < MaxLines; lines++)
        {
            var end = text.Span[start..].IndexOf('\n');
            end = end < 0 ? text.Length : start + end;
            var lineStart = start;
            var line = text.Span[start..end].TrimEnd('\r');
            start = end + 1;
            if (line.IsWhiteSpace())
            {
                End(current, ref name, text.Span[first], folded);
                if (current.Count > 0) yield return current;
                current = [];
            }
            else if (char.IsWhiteSpace(line[0]) && name is not null)
            {
                if (!wanted) continue;
                if (folded.Length == 0) folded.Append(text.Span[first]);
                folded.Append(' ').Append(line.Trim());
            }
            else if (line.IndexOf(':') is > 0 and var colon && IsName(line[..colon]))
            {
                End(current, ref name, text.Span[first], folded);
                var field = line[..colon].Trim();
                name = CommonNames.TryGetValue(field, out var common) ? common : field.ToString();
                var rest = line[(colon + 1)..];
                var from = lineStart + colon + 1 + (rest.Length - rest.TrimStart().Length);
                wanted = valueWanted?.Invoke(name) ?? true;
                first = wanted ? new Range(from, from + rest.Trim().Length) : default;
            }
        }
        End(current, ref name, text.Span[first], folded);
        if (current.Count > 0) yield return current;
    }

    private static void End(List<KeyValuePair<string, string>> block, ref string? name, ReadOnlySpan<char> first, StringBuilder folded)
    {
        if (name is null) return;
        block.Add(new(name, folded.Length > 0 ? folded.ToString() : first.ToString()));
        name = null;
        folded.Clear();
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
