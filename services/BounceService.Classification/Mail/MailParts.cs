using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using MimeKit;
using MimeKit.Encodings;

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
    public MailHeaders? Returned { get; private set; }
    /// <summary>The same returned message whole, to read when it is itself a report.</summary>
    public MailEntity? ReturnedPart { get; private set; }
    public string? ReturnedHeaderText { get; private set; }
    /// <summary>How many messages are attached; more than one is a digest, not one returned message.</summary>
    public int AttachedMessages { get; private set; }
    private int seen;

    public static MailParts Of(MailEntity message)
    {
        var parts = new MailParts();
        parts.Walk(message);
        return parts;
    }

    private void Walk(MailEntity entity)
    {
        if (++seen > MaxParts) return;
        if (entity.IsMultipart)
        {
            // The HTML alternative says what the plain one says (Office 365, Gmail): it is read only when
            // the plain one names nobody (a stub such as "view this message in HTML").
            var alternative = entity.Type.IsMimeType("multipart", "alternative");
            var before = Texts.Count;
            foreach (var child in entity.Children)
            {
                if (!(alternative && IsHtml(child))) Walk(child);
            }
            if (alternative && !Texts.Skip(before).Any(t => t.Contains('@')))
            {
                foreach (var child in entity.Children.Where(IsHtml)) Walk(child);
            }
            // A boundary that the body never uses (mangled by a relay or an anonymiser) leaves every
            // part in the preamble; the report is still there as text.
            if (entity.Children.Count == 0 && Preamble(entity) is { } preamble) Texts.Add(preamble);
        }
        else if (entity.Message is { } returned)
        {
            // The returned message, or only its headers (text/rfc822-headers): never searched for recipients.
            AttachedMessages++;
            if (Returned is not null) return;
            Returned = returned.Headers;
            if (entity.Type.MediaType.Equals("message", StringComparison.OrdinalIgnoreCase)) ReturnedPart = returned;
        }
        else
        {
            Add(entity);
        }
    }

    private static string? Preamble(MailEntity multipart)
    {
        var bytes = multipart.Content.Span;
        bytes = bytes[..Math.Min(bytes.Length, MaxTextBytes)];
        var text = Encoding.UTF8.GetString(bytes);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private void Add(MailEntity part)
    {
        var type = part.Type;
        if (type.IsMimeType("message", "delivery-status") || type.IsMimeType("message", "global-delivery-status"))
        {
            // InterMail labels its human notice message/delivery-status too, before the report proper: a part
            // without any of a report's fields is read as the notice it is.
            var report = Decode(part);
            (HasReportFields(report) ? DeliveryStatus : Texts).Add(report);
        }
        else if (type.IsMimeType("message", "feedback-report"))
            FeedbackReports.Add(Decode(part));
        else if (type.IsMimeType("text", "rfc822-headers") || type.IsMimeType("message", "global-headers") || type.IsMimeType("text", "rfc822-header"))
            ReturnedHeaderText ??= Decode(part);
        else if (type.IsMimeType("text", "html"))
            Texts.Add(Decode(part, Html.ToText));
        else if (type.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase))
            Texts.Add(Decode(part));
    }

    private static bool IsHtml(MailEntity entity) => entity.Type.IsMimeType("text", "html");

    private static readonly string[] ReportFields = ["Reporting-MTA", "Final-Recipient", "Original-Recipient", "X-Actual-Recipient"];

    private static bool HasReportFields(string report) =>
        ReportFields.Any(field => report.Contains(field, StringComparison.OrdinalIgnoreCase));

    private static string Decode(MailEntity part) => Decode(part, TextOf);

    // Where ISO-2022-JP text switches out of ASCII: an escape sequence, a shift, or a byte it does not use.
    private static readonly SearchValues<byte> Iso2022JpLeavesAscii =
        SearchValues.Create([0x0E, 0x0F, 0x1B, .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    /// <summary>
    /// The text of <paramref name="bytes"/> in <paramref name="encoding"/>. ISO-2022-JP starts in ASCII, and .NET's
    /// decoder takes every byte through its state machine (about 3% of the bench): the run before its first escape
    /// is copied as ASCII, and only the rest goes through the decoder.
    /// </summary>
    internal static string TextOf(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        if (!ReferenceEquals(encoding, Iso2022Jp.Value)) return encoding.GetString(bytes);
        var ascii = bytes.IndexOfAny(Iso2022JpLeavesAscii) is var end and >= 0 ? end : bytes.Length;
        var rest = bytes[ascii..];
        var chars = ArrayPool<char>.Shared.Rent(ascii + encoding.GetMaxCharCount(rest.Length));
        try
        {
            Encoding.ASCII.GetChars(bytes[..ascii], chars);
            var length = ascii + encoding.GetChars(rest, chars.AsSpan(ascii));
            return new string(chars, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    // Decodes the transfer encoding of at most MaxTextBytes and hands the bytes and their declared charset to
    // `read`; no charset guessing (the addresses and codes that matter are ASCII), no copy of the rest of the part.
    private static string Decode(MailEntity part, Func<ReadOnlySpan<byte>, Encoding, string> read)
    {
        var transfer = part.Encoding;
        var decoder = transfer switch
        {
            ContentEncoding.Base64 => new Base64Decoder(),
            ContentEncoding.UUEncode => (IMimeDecoder)new UUDecoder(),
            _ => null, // quoted-printable goes through our own QuotedPrintable below; anything else is not encoded
        };
        if (decoder is null && transfer != ContentEncoding.QuotedPrintable)
        {
            // No transfer encoding: the bytes where they lie in the message.
            var raw = part.Content.Span;
            raw = raw[..Math.Min(raw.Length, MaxTextBytes)];
            return read(raw, EncodingOf(part.Type, raw));
        }
        // Encoded text is at most a third longer than what it decodes to.
        var encoded = part.Content[..Math.Min(part.Content.Length, MaxTextBytes * 4 / 3 + 4)];
        var buffer = ArrayPool<byte>.Shared.Rent(decoder?.EstimateOutputLength(encoded.Length) ?? encoded.Length);
        try
        {
            var length = decoder is null ? QuotedPrintable.Decode(encoded.Span, buffer) : DecodeWith(decoder, encoded, buffer);
            var decoded = buffer.AsSpan(0, Math.Min(length, MaxTextBytes));
            return read(decoded, EncodingOf(part.Type, decoded));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // MimeKit's decoders take an array: the message's own, without a copy, when the content lies in one.
    private static int DecodeWith(IMimeDecoder decoder, ReadOnlyMemory<byte> encoded, byte[] output)
    {
        var input = MemoryMarshal.TryGetArray(encoded, out var segment) ? segment : new ArraySegment<byte>(encoded.ToArray());
        return decoder.Decode(input.Array!, input.Offset, input.Count, output);
    }

    // The usual charsets without MimeKit's look-up (which takes a lock); UTF-8 reads ASCII too.
    private static Encoding EncodingOf(ContentType type, ReadOnlySpan<byte> bytes) => type.Charset?.ToLowerInvariant() switch
    {
        null or "us-ascii" or "ascii" or "utf-8" or "utf8" => IsIso2022Jp(bytes) ? Iso2022Jp.Value : Encoding.UTF8,
        "iso-8859-1" or "latin1" => Encoding.Latin1,
        "iso-2022-jp" => Iso2022Jp.Value,
        // .NET no longer reads UTF-7, and MimeKit's look-up throws and catches to say so (old Outlook.com reports declare it).
        "utf-7" or "unicode-1-1-utf-7" => Encoding.UTF8,
        var charset => CodePage(charset) ?? type.CharsetEncoding ?? Encoding.UTF8,
    };

    // Japanese MTAs (Domino, Notes) write ISO-2022-JP in parts that declare no charset (the delivery-status
    // part has none); its escape to JIS X 0208 ("ESC $ B" or "ESC $ @") never occurs in ASCII or UTF-8 text.
    private static bool IsIso2022Jp(ReadOnlySpan<byte> bytes) =>
        bytes.IndexOf((byte)0x1B) >= 0 && (bytes.IndexOf("\u001b$B"u8) >= 0 || bytes.IndexOf("\u001b$@"u8) >= 0);

    internal static readonly Lazy<Encoding> Iso2022Jp = new(() => CodePage("iso-2022-jp") ?? Encoding.UTF8);

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

}
