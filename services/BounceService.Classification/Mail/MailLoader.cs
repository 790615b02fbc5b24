using System.Runtime.InteropServices;
using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>Parses raw bytes with bounded work: a size cap, a nesting cap, and bare-CR endings repaired.</summary>
internal static class MailLoader
{
    // A bounce's report and headers sit at its start; a bigger message is a returned attachment's bulk.
    private const int MaxBytes = 1024 * 1024;

    private static readonly ParserOptions Options = new() { MaxMimeDepth = 16 };

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
        var parser = reusable ??= new MimeParser(Options, Stream.Null, persistent: true);
        parser.SetStream(stream, persistent: true);
        return parser.ParseMessage();
    }
}
