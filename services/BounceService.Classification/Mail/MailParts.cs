using System.Text;
using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>
/// The parts of a report that matter, found by content type: the notification text, the machine-readable
/// reports, and the returned message (which is never searched for recipients).
/// </summary>
internal sealed class MailParts
{
    // One report's text never needs more than this; a larger part is someone's attachment.
    private const int MaxTextChars = 128 * 1024;
    private const int MaxParts = 64;

    public required MimeMessage Message { get; init; }
    public List<string> Texts { get; } = [];
    public List<string> DeliveryStatus { get; } = [];
    public List<string> FeedbackReports { get; } = [];
    public MimeMessage? Returned { get; private set; }
    public string? ReturnedHeaderText { get; private set; }
    private int seen;

    public static MailParts Of(MimeMessage message)
    {
        var parts = new MailParts { Message = message };
        parts.Walk(message.Body);
        return parts;
    }

    private void Walk(MimeEntity? entity)
    {
        if (entity is null || ++seen > MaxParts) return;
        switch (entity)
        {
            case Multipart multipart:
                foreach (var child in multipart) Walk(child);
                // A boundary that the body never uses (mangled by a relay or an anonymiser) leaves every
                // part in the preamble; the report is still there as text.
                if (multipart.Count == 0 && !string.IsNullOrWhiteSpace(multipart.Preamble)) Texts.Add(Cap(multipart.Preamble));
                break;
            case MessagePart { Message: { } returned }:
                Returned ??= returned;
                break;
            case MimePart part:
                Add(part);
                break;
        }
    }

    private void Add(MimePart part)
    {
        var type = part.ContentType.MimeType.ToLowerInvariant();
        switch (type)
        {
            case "message/delivery-status" or "message/global-delivery-status":
                DeliveryStatus.Add(Decode(part));
                break;
            case "message/feedback-report":
                FeedbackReports.Add(Decode(part));
                break;
            case "text/rfc822-headers" or "message/global-headers" or "text/rfc822-header":
                ReturnedHeaderText ??= Decode(part);
                break;
            case "text/html" when part is TextPart html:
                Texts.Add(Html.ToText(Cap(html.Text)));
                break;
            case not null when type.StartsWith("text/", StringComparison.Ordinal) && part is TextPart text:
                Texts.Add(Cap(text.Text));
                break;
        }
    }

    private static string Decode(MimePart part)
    {
        if (part.Content is null) return "";
        using var buffer = new MemoryStream();
        part.Content.DecodeTo(buffer);
        var length = (int)Math.Min(buffer.Length, MaxTextChars);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, length);
    }

    private static string Cap(string? text) => text is null ? "" : text.Length > MaxTextChars ? text[..MaxTextChars] : text;
}
