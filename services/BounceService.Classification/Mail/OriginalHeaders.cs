namespace BounceService.Classification.Mail;

/// <summary>
/// The returned message's Message-ID and its <c>X-</c> and <c>List-Id</c> headers (where senders put
/// campaign and list ids), from a <c>message/rfc822</c> or <c>text/rfc822-headers</c> part or, failing
/// those, from the copy an MTA pasted under its text.
/// </summary>
internal static class OriginalHeaders
{
    private const int MaxHeaders = 200;

    public static OriginalMessage? Recover(MailParts parts, ReadOnlyMemory<char> pastedCopy)
    {
        if (parts.Returned is { } returned)
            return From(returned.All.Where(h => IsKept(h.Field)).Select(h => new KeyValuePair<string, string>(h.Field, MailHeaders.ValueOf(h))));
        var text = parts.ReturnedHeaderText?.AsMemory() ?? pastedCopy;
        if (text.IsEmpty) return null;
        var block = FieldBlocks.Parse(text, IsKept).FirstOrDefault(b => b.Count >= 2);
        return block is null ? null : From(block);
    }

    private static OriginalMessage? From(IEnumerable<KeyValuePair<string, string>> fields)
    {
        string? messageId = null;
        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in fields.Take(MaxHeaders))
        {
            if (messageId is null && name.Equals("Message-ID", StringComparison.OrdinalIgnoreCase))
                messageId = MessageIdOf(value);
            else if (name.StartsWith("X-", StringComparison.OrdinalIgnoreCase) || name.Equals("List-Id", StringComparison.OrdinalIgnoreCase))
                kept.TryAdd(name, value.Trim());
        }
        return messageId is null && kept.Count == 0 ? null : new(messageId, kept);
    }

    // Only these are decoded: the returned message's Received and DKIM lines are most of its headers.
    private static bool IsKept(string name) =>
        name.StartsWith("X-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Message-ID", StringComparison.OrdinalIgnoreCase)
        || name.Equals("List-Id", StringComparison.OrdinalIgnoreCase);

    // "<id@host>" (maybe with a comment around it), or a bare id.
    private static string? MessageIdOf(string value)
    {
        var open = value.IndexOf('<');
        var close = open < 0 ? -1 : value.IndexOf('>', open + 1);
        var id = (close > open + 1 ? value[(open + 1)..close] : value).Trim().Trim('<', '>');
        return id.Length == 0 || id.Contains(' ') ? null : id;
    }
}
