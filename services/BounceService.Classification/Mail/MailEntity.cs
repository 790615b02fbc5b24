using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>
/// One MIME entity as the reader needs it, built from MimeKit's event-based <see cref="MimeReader"/>: its type
/// and headers, its parts, the message it carries, or its content as the bytes where they lie (still in their
/// transfer encoding, decoded only when read).
/// </summary>
internal sealed class MailEntity(ContentType type, Header[] fields)
{
    private MailHeaders? headers;

    public ContentType Type { get; } = type;

    /// <summary>A message's own headers for its top entity; a part's MIME headers otherwise.</summary>
    public MailHeaders Headers => headers ??= new(fields);

    public List<MailEntity> Children { get; } = [];
    /// <summary>The message inside a <c>message/rfc822</c> (or <c>text/rfc822-headers</c>) part.</summary>
    public MailEntity? Message { get; set; }
    /// <summary>A leaf's content; a multipart's preamble.</summary>
    public ReadOnlyMemory<byte> Content { get; set; }

    public bool IsMultipart => Type.MediaType.Equals("multipart", StringComparison.OrdinalIgnoreCase);

    public ContentEncoding Encoding => Headers[HeaderId.ContentTransferEncoding]?.Trim().ToLowerInvariant() switch
    {
        "base64" => ContentEncoding.Base64,
        "quoted-printable" => ContentEncoding.QuotedPrintable,
        "x-uuencode" or "uuencode" or "x-uue" => ContentEncoding.UUEncode,
        _ => ContentEncoding.Default,
    };
}
