using System.Text;
using System.Text.RegularExpressions;

namespace BounceService.Classification.Mail;

/// <summary>
/// Recipients in the free text that MTAs write (Postfix, qmail, Exim, Sendmail, Exchange, Yahoo, ...). All
/// put the failed address at the start of a line ("&lt;a@b&gt;:", "a@b", "\"a@b\":", "a@b on DATE") and the
/// server's answer on that line or the lines under it, up to a blank line.
/// </summary>
internal static partial class MtaText
{
    private const int MaxDiagnosticLines = 8;
    private const int MaxRecipients = 100;

    // Anchored at the line's start, with no loop inside another: linear in the line, so it needs no timeout
    // (a timeout reads the clock on every call, and this runs on every line with an '@').
    // Before the address: a quote mark, a bullet (X3's "  * a@b"), a transcript arrow (InterScan's "Sent <<< RCPT
    // TO:<a@b>"), a label ("Addressed To:", "undeliverable to", KDDI's "Could not be delivered to:"),
    // or the server's reply that the address starts (V5 Sendmail's "550 <a@b>... User unknown", Zoho's
    // "[Status: Error, Address: <a@b>, ResponseCode 421, ...]"), which is kept as the start of the text.
    [GeneratedRegex(@"^\s*(?:>+\s*|[*\u2022-]\s+|(?:Sent|Received)\s+(?:<<<|>>>)\s+)?(?:RCPT\s+TO:\s*|Recipient(?:\s+address)?:\s*|Failed\s+recipient:\s*|Addressed\s+to:\s*|undeliverable\s+to\s+|Could\s+not\s+be\s+delivered\s+to:\s*|(?<lead>[45]\d\d[ -](?:[45]\.\d{1,3}\.\d{1,3}\s+)?|\[Status:[^,\]]{0,20},\s*Address:\s*))?[<""'(\[]?(?:mailto:)?(?<addr>[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+)[>""')\]]?(?<rest>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AddressLine();

    /// <summary>Each recipient named at the start of a line of <paramref name="notification"/>, with its text.</summary>
    /// <remarks>The lines are walked where they lie: most have no address, and need no string of their own.</remarks>
    public static List<Finding> Read(string notification, ISet<string> notRecipients)
    {
        var found = new List<Finding>();
        for (var next = 0; next >= 0 && found.Count < MaxRecipients;)
        {
            var line = NextLine(notification, ref next);
            var m = Match(line);
            if (m is null) continue;
            var address = m.Groups["addr"].Value;
            if (notRecipients.Contains(address) || Addresses.IsSystem(address)) continue;
            if (found.Any(f => f.Recipient.Equals(address, StringComparison.OrdinalIgnoreCase))) continue;
            var (diagnostic, after) = Diagnostic(notification, next, Indent(line), address, m.Groups["lead"].Value + m.Groups["rest"].Value);
            found.Add(new(address, null, diagnostic));
            next = after; // a continuation line that names an address is the server's answer, not a recipient
        }
        return found.Count > 0 ? found : Inline(notification, notRecipients);
    }

    // Some MTAs name the recipient mid-sentence ("Unable to deliver message to: <a@b>"); then any address
    // in the text that is not the sender's or the mail system's is the recipient, and the text is why.
    private static List<Finding> Inline(string notification, ISet<string> notRecipients)
    {
        var address = Addresses.All(notification).FirstOrDefault(a => !notRecipients.Contains(a) && !Addresses.IsSystem(a));
        return address is null ? [] : [new(address, null, null)];
    }

    private static Match? Match(ReadOnlySpan<char> line)
    {
        // Most lines name no address; a plain search skips them without running the pattern.
        if (!line.Contains('@')) return null;
        var m = AddressLine().Match(line.ToString());
        return m.Success ? m : null;
    }

    // The line that starts at `next`, without CRs (as MTAs end lines with CRLF or LF); `next` moves to the line
    // after it, or to -1 after the last. A text that ends with a line break ends with an empty line.
    private static ReadOnlySpan<char> NextLine(string text, ref int next)
    {
        var end = text.IndexOf('\n', next);
        var line = text.AsSpan(next, (end < 0 ? text.Length : end) - next).TrimEnd('\r');
        next = end < 0 ? -1 : end + 1;
        return line.Contains('\r') ? line.ToString().Replace("\r", "") : line;
    }

    // The recipient's text runs to a blank line or the next recipient. A line that names an address is
    // still this recipient's text when it is indented under it or names the same address: Postfix folds
    // the server's answer as "    <a@b>... User Unknown (in reply to RCPT TO command)".
    // Returns the text and where the first line not taken starts.
    private static (string Text, int Next) Diagnostic(string text, int next, int indent, string address, string rest)
    {
        var said = new StringBuilder().Append(rest.AsSpan().TrimStart(": \t.,"));
        for (var taken = 0; next >= 0 && taken < MaxDiagnosticLines; taken++)
        {
            var start = next;
            var raw = NextLine(text, ref next);
            var line = raw.Trim();
            if (line.IsEmpty && said.Length > 0
                || Match(raw) is { } other && Indent(raw) <= indent && !other.Groups["addr"].Value.Equals(address, StringComparison.OrdinalIgnoreCase))
                return (said.ToString(), start);
            if (!line.IsEmpty) said.Append(said.Length > 0 ? " " : "").Append(line);
        }
        return (said.ToString(), next);
    }

    private static int Indent(ReadOnlySpan<char> line)
    {
        var blanks = 0;
        while (blanks < line.Length && line[blanks] is ' ' or '\t') blanks++;
        return blanks;
    }
}
