using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>
/// The returned message (<c>message/rfc822</c>) kept as bytes instead of parsed into parts: a report needs
/// only its headers, which are read on their own. Its body (often the bulk of a bounce: the campaign's HTML)
/// is parsed only when it is itself a report that a filter wrapped (<see cref="Parse"/>).
/// </summary>
internal sealed class ReturnedMessage : MimePart
{
    /// <summary>Called by MimeKit's parser, for which <see cref="MailLoader"/> registers this type.</summary>
    public ReturnedMessage(MimeEntityConstructorArgs args) : base(args)
    {
    }

    /// <summary>Only the returned message's headers (<c>text/rfc822-headers</c>): nothing to parse whole.</summary>
    internal bool IsHeadersOnly => ContentType.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase);

    /// <summary>The returned message's headers, or an empty list when the part has no content.</summary>
    internal HeaderList ReadHeaders()
    {
        if (Content is null) return [];
        try
        {
            // Unencoded (as message/rfc822 must be): the bytes are read where they lie, with no decoding stream.
            if (Content.Encoding is ContentEncoding.Default or ContentEncoding.SevenBit or ContentEncoding.EightBit or ContentEncoding.Binary
                && Content.Stream is { CanSeek: true } raw)
            {
                raw.Seek(0, SeekOrigin.Begin);
                return MailLoader.Headers(raw);
            }
            using var content = Content.Open();
            return MailLoader.Headers(content);
        }
        catch (FormatException)
        {
            // Not a message after all (an MTA's note in its place): no headers to recover.
            return [];
        }
    }

    /// <summary>The whole returned message, parsed.</summary>
    internal MimeEntity? Parse()
    {
        if (Content is null) return null;
        try
        {
            using var content = Content.Open();
            return MailLoader.Load(content);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
