namespace BounceService.Classification.Mail;

/// <summary>
/// A MIME parameter printed on a line of its own without the blank that makes it a continuation
/// (<c>Content-Type: multipart/report; report-type=feedback-report;</c>, then <c>boundary="x"</c>), as RFC 5965's
/// sample shows it and some reporters send it. In the message's header block such a line gets its blank back, so
/// the header keeps its boundary; any other line without a colon is left as it is.
/// </summary>
internal static class LostIndents
{
    public static ReadOnlyMemory<byte> Repair(ReadOnlyMemory<byte> raw)
    {
        var span = raw.Span;
        List<int>? starts = null;
        var afterSemicolon = false;
        for (var start = 0; start < span.Length;)
        {
            var newline = span[start..].IndexOf((byte)'\n');
            var end = newline < 0 ? span.Length : start + newline;
            var line = span[start..end].TrimEnd((byte)'\r');
            if (line.IsEmpty) break;
            if (afterSemicolon && IsParameter(line)) (starts ??= []).Add(start);
            afterSemicolon = line.TrimEnd(" \t"u8).EndsWith(";"u8);
            start = end + 1;
        }
        if (starts is null) return raw;
        var repaired = new byte[span.Length + starts.Count];
        var from = 0;
        var to = 0;
        foreach (var start in starts)
        {
            span[from..start].CopyTo(repaired.AsSpan(to));
            to += start - from;
            repaired[to++] = (byte)' ';
            from = start;
        }
        span[from..].CopyTo(repaired.AsSpan(to));
        return repaired;
    }

    // "name=value": a token before the first '=' (a header's name is followed by ':', which no token holds).
    private static bool IsParameter(ReadOnlySpan<byte> line)
    {
        var equals = line.IndexOf((byte)'=');
        if (equals <= 0) return false;
        foreach (var c in line[..equals])
        {
            if (!(char.IsAsciiLetterOrDigit((char)c) || c is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'*')) return false;
        }
        return true;
    }
}
