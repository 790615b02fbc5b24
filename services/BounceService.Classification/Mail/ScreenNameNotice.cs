using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>
/// AOL's notice that names its own members by screen name, not by address ("Your mail to the following recipients
/// could not be delivered because they are not accepting mail from a@b:", then one name a line). A name is a
/// mailbox at the notice's own domain (MAILER-DAEMON@aol.com: name@aol.com). The only address in the text is the
/// sender's, so without this reader it would be taken for the recipient.
/// </summary>
internal static class ScreenNameNotice
{
    private const string Heading = "mail to the following recipients could not be delivered";
    private const int MaxHeadingLines = 4;
    private const int MaxNames = 100;

    /// <summary>The names listed under the heading, each with the heading as why; empty when there is no such list of names.</summary>
    public static List<Finding> Read(MailHeaders headers, string text)
    {
        var at = text.IndexOf(Heading, StringComparison.OrdinalIgnoreCase);
        if (at < 0 || Addresses.First(headers[HeaderId.From]) is not { } from) return [];
        var domain = from[(from.IndexOf('@') + 1)..];
        var lines = text[(text.LastIndexOf('\n', at) + 1)..].Split('\n', MaxHeadingLines + MaxNames + 1);
        // The heading may wrap; it ends with the colon that introduces the list.
        var headingEnd = Array.FindIndex(lines, 0, Math.Min(MaxHeadingLines, lines.Length), l => l.TrimEnd().EndsWith(':'));
        if (headingEnd < 0) return [];
        var heading = string.Join(' ', lines[..(headingEnd + 1)].Select(l => l.Trim()));
        var found = new List<Finding>();
        foreach (var line in lines.Skip(headingEnd + 1).Take(MaxNames))
        {
            var name = line.Trim();
            // The list ends at a blank line or at a sentence (a name has no blanks).
            if (name.Length == 0 && found.Count > 0 || name.Contains(' ') || name.Contains('\t')) break;
            // A list of addresses is any MTA's, read with the server's replies under it (MtaText).
            if (name.Contains('@')) return [];
            if (name.Length > 0) found.Add(new($"{name}@{domain}", null, heading));
        }
        return found;
    }
}
