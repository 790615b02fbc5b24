using System.Text.RegularExpressions;

namespace BounceService.Classification.Mail;

/// <summary>
/// The human-readable part of a report: the text before the MTA's copy of the returned message. Only
/// this part is searched for recipients, so addresses in the returned message are never mistaken for them.
/// </summary>
internal static partial class Notification
{
    // Lines that MTAs put between their text and the copy: "--- Below this line is a copy of the message.",
    // "------ This is a copy of the message, including all the headers. ------", "Original message follows".
    [GeneratedRegex(@"^\s*(?:[-=_*]{2,}.{0,40}?\b(?:original|copy\s+of|returned\s+message|headers?\s+of|below\s+this|undelivered\s+message|unsent\s+message|message\s+text|message\s+follows)|original\s+message|content-type:\s*message/rfc822|received:\s|return-path:\s)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline, matchTimeoutMilliseconds: 200)]
    private static partial Regex CopyStarts();

    /// <summary>The text before the returned copy, and the copy (null when there is none).</summary>
    public static (string Text, string? Copy) Split(string text)
    {
        try
        {
            var m = CopyStarts().Match(text);
            if (m.Success && m.Index > 0) return (text[..m.Index], text[m.Index..]);
        }
        catch (RegexMatchTimeoutException)
        {
            // Treat the whole text as notification: recipients may then be over-reported, never missed.
        }
        return (text, null);
    }
}
