namespace BounceService.Classification.Mail;

/// <summary>
/// The human-readable part of a report: the text before the MTA's copy of the returned message. Only
/// this part is searched for recipients, so addresses in the returned message are never mistaken for them.
/// </summary>
internal static class Notification
{
    /// <summary>The text before the returned copy, and the copy (empty when there is none).</summary>
    /// <remarks>The copy is left where it lies: it is often the whole returned message, and only its first
    /// header block is read.</remarks>
    public static (string Text, ReadOnlyMemory<char> Copy) Split(string text)
    {
        // The first line never starts a copy: a notification has some text of its own first.
        for (var start = text.IndexOf('\n') + 1; start > 0 && start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            if (CopyMarkers.StartsCopy(text.AsSpan(start, (end < 0 ? text.Length : end) - start)))
                return (text[..start], text.AsMemory(start));
            start = end + 1;
        }
        return (text, ReadOnlyMemory<char>.Empty);
    }
}
