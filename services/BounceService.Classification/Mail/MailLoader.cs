using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>Parses raw bytes with bounded work: a size cap, a nesting cap, and bare-CR endings repaired.</summary>
internal static class MailLoader
{
    // A bounce's report and headers sit at its start; a bigger message is a returned attachment's bulk.
    private const int MaxBytes = 1024 * 1024;

    private static readonly ParserOptions Options = new() { MaxMimeDepth = 16 };

    public static MimeMessage Load(ReadOnlyMemory<byte> raw)
    {
        var bytes = LineEndings.Normalise(raw.Span[..Math.Min(raw.Length, MaxBytes)]);
        using var stream = new MemoryStream(bytes, writable: false);
        return MimeMessage.Load(Options, stream);
    }
}
