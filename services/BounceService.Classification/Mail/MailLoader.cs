using System.Runtime.InteropServices;
using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>Parses raw bytes with bounded work: a size cap, a nesting cap, and bare-CR endings repaired.</summary>
internal static class MailLoader
{
    // A bounce's report and headers sit at its start; a bigger message is a returned attachment's bulk.
    private const int MaxBytes = 1024 * 1024;

    private static readonly ParserOptions Options = CreateOptions();

    // One parser per thread keeps its read buffers from one message to the next.
    [ThreadStatic]
    private static MimeParser? reusable;

    /// <summary>The message as one entity: its headers and its body, without a <see cref="MimeMessage"/>.</summary>
    /// <remarks>A MimeMessage parses every address header into lists of its own and indexes them, which took a
    /// third of the parse; the reader asks for a few headers by name instead.</remarks>
    public static MimeEntity Load(ReadOnlyMemory<byte> raw)
    {
        var capped = WithoutMboxLine(raw[..Math.Min(raw.Length, MaxBytes)]);
        // Persistent: parts keep offsets into this buffer instead of copying their content, and only the
        // parts the reader asks for are ever decoded. The stream is left to the collector with the message.
        var stream = LineEndings.HasBareCr(capped.Span) ? new MemoryStream(LineEndings.Normalise(capped.Span), writable: false)
            : MemoryMarshal.TryGetArray(capped, out var input) ? new MemoryStream(input.Array!, input.Offset, input.Count, writable: false)
            : new MemoryStream(capped.ToArray(), writable: false);
        return Parse(stream, persistent: true, parser => parser.ParseEntity());
    }

    // An mbox separator line ("From MAILER-DAEMON  Fri Feb 13 05:04:57 2015") before the headers: MimeKit's
    // message parser skips it, its entity parser does not.
    private static ReadOnlyMemory<byte> WithoutMboxLine(ReadOnlyMemory<byte> raw)
    {
        var span = raw.Span;
        if (!span.StartsWith("From "u8)) return raw;
        var end = span.IndexOfAny((byte)'\r', (byte)'\n');
        if (end < 0) return ReadOnlyMemory<byte>.Empty;
        if (span[end] == '\r' && end + 1 < span.Length && span[end + 1] == '\n') end++;
        return raw[(end + 1)..];
    }

    /// <summary>A message nested in another (already capped and repaired with it).</summary>
    public static MimeEntity Load(Stream content) => new MimeParser(Options, content).ParseEntity();

    /// <summary>The header block at the start of <paramref name="content"/>.</summary>
    public static HeaderList Headers(Stream content)
    {
        // The message that held this part is parsed already, so the thread's parser is free again.
        return Parse(content, persistent: false, parser => parser.ParseHeaders());
    }

    // The parser lets go of the stream afterwards, so an idle thread does not keep the last message alive.
    private static T Parse<T>(Stream stream, bool persistent, Func<MimeParser, T> parse)
    {
        var parser = reusable ??= new MimeParser(Options, Stream.Null, persistent: true);
        parser.SetStream(stream, persistent);
        try
        {
            return parse(parser);
        }
        finally
        {
            parser.SetStream(Stream.Null, persistent: true);
        }
    }

    private static ParserOptions CreateOptions()
    {
        var options = new ParserOptions { MaxMimeDepth = 16 };
        options.RegisterMimeType("message/rfc822", typeof(ReturnedMessage));
        options.RegisterMimeType("message/global", typeof(ReturnedMessage));
        // MimeKit parses these headers as a message of their own, and a Content-Type in them (the returned
        // message's multipart boundary, with no body under it) cost it over a millisecond per report.
        options.RegisterMimeType("text/rfc822-headers", typeof(ReturnedMessage));
        return options;
    }
}
