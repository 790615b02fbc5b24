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
    [GeneratedRegex(@"^\s*(?:(?<arrow>>>>\s*|(?:Sent|Received)\s+(?:<<<|>>>)\s+)|>+\s*|[*\u2022-]\s+)?(?:(?<rcpt>RCPT\s+TO:)\s*|Recipient(?:\s+address)?:\s*|Failed\s+recipient:\s*|Addressed\s+to:\s*|undeliverable\s+to\s+|Could\s+not\s+be\s+delivered\s+to:\s*|(?<lead>[45]\d\d[ -](?:[45]\.\d{1,3}\.\d{1,3}\s+)?|\[Status:[^,\]]{0,20},\s*Address:\s*))?[<""'(\[]?(?:mailto:)?(?<addr>[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+)[>""')\]]?(?<rest>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AddressLine();

    /// <summary>Each recipient named at the start of a line of <paramref name="notification"/>, with its text.</summary>
    public static List<Finding> Read(string notification, ISet<string> notRecipients)
    {
        var lines = notification.Replace("\r", "").Split('\n');
        var found = new List<Finding>();
        for (var i = 0; i < lines.Length && found.Count < MaxRecipients; i++)
        {
            var m = Match(lines[i]);
            if (m is null) continue;
            var address = m.Groups["addr"].Value;
            if (notRecipients.Contains(address) || Addresses.IsSystem(address)) continue;
            if (found.Any(f => f.Recipient.Equals(address, StringComparison.OrdinalIgnoreCase))) continue;
            var (diagnostic, last) = Diagnostic(lines, i, address, m.Groups["lead"].Value + m.Groups["rest"].Value);
            // A transcript's "&gt;&gt;&gt; RCPT To:&lt;a@b&gt;" line: the replies under it answer RCPT unless they name a later command.
            var command = m.Groups["arrow"].Success && m.Groups["rcpt"].Success ? SmtpCommands.Find(diagnostic) ?? SmtpCommands.Rcpt : null;
            found.Add(new(address, null, diagnostic, Command: command));
            i = last; // a continuation line that names an address is the server's answer, not a recipient
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

    private static Match? Match(string line)
    {
        // Most lines name no address; a plain search skips them without running the pattern.
        if (!line.Contains('@')) return null;
        var m = AddressLine().Match(line);
        return m.Success ? m : null;
    }

    // The recipient's text runs to a blank line or the next recipient. A line that names an address is
    // still this recipient's text when it is indented under it or names the same address: Postfix folds
    // the server's answer as "    <a@b>... User Unknown (in reply to RCPT TO command)".
    private static (string Text, int Last) Diagnostic(string[] lines, int at, string address, string rest)
    {
        var parts = new List<string> { rest.TrimStart(':', ' ', '\t', '.', ',') };
        var indent = Indent(lines[at]);
        var last = at;
        for (var i = at + 1; i < lines.Length && i <= at + MaxDiagnosticLines; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 && parts.Exists(p => p.Length > 0)) break;
            if (Match(lines[i]) is { } next && Indent(lines[i]) <= indent
                && !next.Groups["addr"].Value.Equals(address, StringComparison.OrdinalIgnoreCase)) break;
            parts.Add(line);
            last = i;
        }
        return (string.Join(' ', parts.Where(p => p.Length > 0)), last);
    }

    private static int Indent(string line)
    {
        var blanks = 0;
        while (blanks < line.Length && line[blanks] is ' ' or '\t') blanks++;
        return blanks;
    }
}
