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

    public static MimeMessage Load(ReadOnlyMemory<byte> raw)
    {
        var capped = raw[..Math.Min(raw.Length, MaxBytes)];
        // Persistent: parts keep offsets into this buffer instead of copying their content, and only the
        // parts the reader asks for are ever decoded. The stream is left to the collector with the message.
        var stream = LineEndings.HasBareCr(capped.Span) ? new MemoryStream(LineEndings.Normalise(capped.Span), writable: false)
            : MemoryMarshal.TryGetArray(capped, out var input) ? new MemoryStream(input.Array!, input.Offset, input.Count, writable: false)
            : new MemoryStream(capped.ToArray(), writable: false);
        return Parse(stream, persistent: true, parser => parser.ParseMessage());
    }

    /// <summary>A message nested in another (already capped and repaired with it).</summary>
    public static MimeMessage Load(Stream content) => new MimeParser(Options, content).ParseMessage();

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
        return options;
    }
}
