using System.Buffers;
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
    private const int MaxTextBytes = 128 * 1024;
    private const int MaxParts = 64;

    public List<string> Texts { get; } = [];
    public List<string> DeliveryStatus { get; } = [];
    public List<string> FeedbackReports { get; } = [];
    /// <summary>The returned message's headers, when the report carried it as <c>message/rfc822</c>.</summary>
    public HeaderList? Returned { get; private set; }
    /// <summary>The same returned message as bytes, to parse whole when it is itself a report.</summary>
    public ReturnedMessage? ReturnedPart { get; private set; }
    public string? ReturnedHeaderText { get; private set; }
    private int seen;

    public static MailParts Of(MimeEntity message)
    {
        var parts = new MailParts();
        parts.Walk(message);
        return parts;
    }

    private void Walk(MimeEntity? entity)
    {
        if (entity is null || ++seen > MaxParts) return;
        switch (entity)
        {
            case Multipart multipart:
                // The HTML alternative says what the plain one says (Office 365, Gmail): it is read only when
                // the plain one names nobody (a stub such as "view this message in HTML").
                var alternative = multipart.ContentType.IsMimeType("multipart", "alternative");
                var before = Texts.Count;
                foreach (var child in multipart)
                {
                    if (!(alternative && IsHtml(child))) Walk(child);
                }
                if (alternative && !Texts.Skip(before).Any(t => t.Contains('@')))
                {
                    foreach (var child in multipart.Where(IsHtml)) Walk(child);
                }
                // A boundary that the body never uses (mangled by a relay or an anonymiser) leaves every
                // part in the preamble; the report is still there as text.
                if (multipart.Count == 0 && !string.IsNullOrWhiteSpace(multipart.Preamble)) Texts.Add(Cap(multipart.Preamble));
                break;
            case ReturnedMessage returned:
                if (Returned is null) (ReturnedPart, Returned) = (returned.IsHeadersOnly ? null : returned, returned.ReadHeaders());
                break;
            case MessagePart { Message: { } returned }:
                Returned ??= returned.Headers;
                break;
            case MimePart part:
                Add(part);
                break;
        }
    }

    private void Add(MimePart part)
    {
        var type = part.ContentType;
        if (type.IsMimeType("message", "delivery-status") || type.IsMimeType("message", "global-delivery-status"))
            DeliveryStatus.Add(Decode(part));
        else if (type.IsMimeType("message", "feedback-report"))
            FeedbackReports.Add(Decode(part));
        else if (type.IsMimeType("text", "rfc822-headers") || type.IsMimeType("message", "global-headers") || type.IsMimeType("text", "rfc822-header"))
            ReturnedHeaderText ??= Decode(part);
        else if (type.IsMimeType("text", "html"))
            Texts.Add(Html.ToText(Decode(part)));
        else if (type.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase))
            Texts.Add(Decode(part));
    }

    private static bool IsHtml(MimeEntity entity) => entity.ContentType.IsMimeType("text", "html");

    // Decodes the transfer encoding and the declared charset of at most MaxTextBytes; no charset guessing
    // (the addresses and codes that matter are ASCII), no copy of the rest of the part.
    private static string Decode(MimePart part)
    {
        if (part.Content is null) return "";
        var buffer = ArrayPool<byte>.Shared.Rent(MaxTextBytes);
        try
        {
            int length;
            if (IsEncoded(part.Content) || part.Content.Stream is not { CanSeek: true } raw)
            {
                using var decoded = part.Content.Open();
                length = Fill(decoded, buffer);
            }
            else
            {
                // No transfer encoding: read the bytes where they lie in the message (Open() would add a
                // pass-through stream with buffers of its own). The part's stream stays open for others.
                raw.Seek(0, SeekOrigin.Begin);
                length = Fill(raw, buffer);
            }
            return EncodingOf(part.ContentType, buffer.AsSpan(0, length)).GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsEncoded(IMimeContent content) =>
        content.Encoding is ContentEncoding.Base64 or ContentEncoding.QuotedPrintable or ContentEncoding.UUEncode;

    private static int Fill(Stream content, byte[] buffer)
    {
        var length = 0;
        for (int read; length < MaxTextBytes && (read = content.Read(buffer, length, MaxTextBytes - length)) > 0;) length += read;
        return length;
    }

    // The usual charsets without MimeKit's look-up (which takes a lock); UTF-8 reads ASCII too.
    private static Encoding EncodingOf(ContentType type, ReadOnlySpan<byte> bytes) => type.Charset?.ToLowerInvariant() switch
    {
        null or "us-ascii" or "ascii" or "utf-8" or "utf8" => IsIso2022Jp(bytes) ? Iso2022Jp.Value : Encoding.UTF8,
        "iso-8859-1" or "latin1" => Encoding.Latin1,
        "iso-2022-jp" => Iso2022Jp.Value,
        var charset => CodePage(charset) ?? type.CharsetEncoding ?? Encoding.UTF8,
    };

    // Japanese MTAs (Domino, Notes) write ISO-2022-JP in parts that declare no charset (the delivery-status
    // part has none); its escape to JIS X 0208 ("ESC $ B" or "ESC $ @") never occurs in ASCII or UTF-8 text.
    private static bool IsIso2022Jp(ReadOnlySpan<byte> bytes) =>
        bytes.IndexOf((byte)0x1B) >= 0 && (bytes.IndexOf("\u001b$B"u8) >= 0 || bytes.IndexOf("\u001b$@"u8) >= 0);

    private static readonly Lazy<Encoding> Iso2022Jp = new(() => CodePage("iso-2022-jp") ?? Encoding.UTF8);

    // Shift_JIS, EUC-JP, windows-125x, KOI8-R, GB2312, ... come from the framework's code-page provider (asked
    // directly, so it is not registered for the whole process); MimeKit's look-up does not find them here.
    private static Encoding? CodePage(string charset)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Cap(string? text) => text is null ? "" : text.Length > MaxTextBytes ? text[..MaxTextBytes] : text;
}
