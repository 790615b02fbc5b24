using System.Text.RegularExpressions;
using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>
/// Whether a message without a machine-readable report is a bounce at all: a mail system sent it (null
/// return path, MAILER-DAEMON, postmaster, "&lt;&gt;" as From), its subject says delivery failed, a list manager refused a post, or it
/// is a delivery report whose report part names nobody.
/// </summary>
internal static partial class BounceSignals
{
    // Both patterns are alternations of words over one header: linear, so no timeout.
    [GeneratedRegex(@"undeliver|undelivered|delivery\s+(?:status|failure|failed|notification|problem|has\s+failed|error)|returned\s+(?:mail|to\s+sender)|failure\s+notice|mail\s+delivery|not\s+(?:be\s+)?delivered|non-?deliver|could\s+not\s+(?:be\s+)?(?:deliver|sent)|unable\s+to\s+deliver|bounce|rejected|mail\s+failure|delivery\s+report|warning:|unzustellbar|non\s+remis|nicht\s+zugestellt|no\s+entregado|message\s+blocked",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Subject();

    [GeneratedRegex(@"mailer-?daemon|post_?master|mail\s+delivery|mail\s+administrator|delivery\s+subsystem|mail\s+system|nobody@|bounce",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Sender();

    // A person's reply or forward ("Re: undeliverable message?") talks about a bounce; it is none.
    [GeneratedRegex(@"^\s*(?:re|fwd?|aw|wg|tr|sv|vs|antw|r)\s*(?:\[\d+\])?\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyOrForward();

    // A message that calls itself a delivery report (RFC 3462) is one, even when its report part names nobody
    // and neither its sender nor its subject says so (a filter that writes only the text part's words).
    // The type is the one MimeKit already read for the message's top entity.
    private static bool IsDeliveryReport(ContentType type) =>
        type.IsMimeType("multipart", "report")
        && type.Parameters.TryGetValue("report-type", out string? reportType) && reportType.Equals("delivery-status", StringComparison.OrdinalIgnoreCase);

    /// <param name="headers">The message's own headers.</param>
    /// <param name="type">The message's content type, as read for its top entity.</param>
    public static bool Any(MailHeaders headers, ContentType type)
    {
        if (headers.Contains("X-Failed-Recipients") || ListManagerNotice.Is(headers) || IsDeliveryReport(type)) return true;
        var from = headers[HeaderId.From] ?? "";
        // "<>" is the null reverse path, which only a mail system writes as a sender; a person's auto-reply has an address.
        if (Sender().IsMatch(from) || from.Contains("<>", StringComparison.Ordinal)) return true;
        var subject = headers[HeaderId.Subject] ?? "";
        // An automatic reply that no mail system sent (a help desk's receipt of "Delivery failure to ...") only
        // names a bounce in its subject; Sisimai reads it as an auto-reply.
        return Subject().IsMatch(subject) && !ReplyOrForward().IsMatch(subject) && !AutoReply.Is(headers);
    }
}
