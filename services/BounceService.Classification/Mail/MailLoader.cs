using System.Runtime.InteropServices;
using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>Parses raw bytes with bounded work: a size cap, a nesting cap, bare-CR endings and lost parameter indents repaired.</summary>
/// <remarks>MimeKit's event-based <see cref="MimeReader"/> does the MIME parsing; the tree of
/// <see cref="MailEntity"/> it leaves keeps content as slices of the input. Building MimeKit's own entity tree
/// (a MimeEntity, a header index and a content stream per part) cost about three times as much.</remarks>
internal static class MailLoader
{
    // A bounce's report and headers sit at its start; a bigger message is a returned attachment's bulk.
    private const int MaxBytes = 1024 * 1024;

    private static readonly ParserOptions ReaderOptions = new() { MaxMimeDepth = 16 };

    // One reader per thread keeps its read buffers from one message to the next.
    [ThreadStatic]
    private static TreeReader? reusable;

    /// <summary>The message's top entity, whose headers are the message's; null when it has no header block.</summary>
    public static MailEntity? Load(ReadOnlyMemory<byte> raw)
    {
        var capped = WithoutMboxLine(WithoutBlankLines(raw[..Math.Min(raw.Length, MaxBytes)]));
        if (LineEndings.HasBareCr(capped.Span)) capped = LineEndings.Normalise(capped.Span);
        capped = LostIndents.Repair(capped);
        var input = MemoryMarshal.TryGetArray(capped, out var segment) ? segment : new ArraySegment<byte>(capped.ToArray());
        var reader = reusable ??= new TreeReader();
        try
        {
            return reader.Read(capped, new MemoryStream(input.Array!, input.Offset, input.Count, writable: false));
        }
        finally
        {
            // Let go of the message, so an idle thread does not keep the last one alive.
            reader.Read(ReadOnlyMemory<byte>.Empty, Stream.Null, parse: false);
        }
    }

    // Blank lines before the headers (a mail store's padding: a line of spaces), which MimeKit would read as the
    // end of an empty header block.
    private static ReadOnlyMemory<byte> WithoutBlankLines(ReadOnlyMemory<byte> raw)
    {
        var span = raw.Span;
        var start = 0;
        while (span[start..].IndexOfAnyExcept(" \t\r"u8) is var skip and >= 0 && span[start + skip] == '\n') start += skip + 1;
        return raw[start..];
    }

    // An mbox separator line ("From MAILER-DAEMON  Fri Feb 13 05:04:57 2015") before the headers.
    private static ReadOnlyMemory<byte> WithoutMboxLine(ReadOnlyMemory<byte> raw)
    {
        var span = raw.Span;
        if (!span.StartsWith("From "u8)) return raw;
        var end = span.IndexOfAny((byte)'\r', (byte)'\n');
        if (end < 0) return ReadOnlyMemory<byte>.Empty;
        if (span[end] == '\r' && end + 1 < span.Length && span[end + 1] == '\n') end++;
        return raw[(end + 1)..];
    }

    /// <summary>Builds the tree from the reader's events; offsets are into <c>input</c>.</summary>
    private sealed class TreeReader() : MimeReader(ReaderOptions, Stream.Null)
    {
        private readonly Stack<MailEntity> open = new();
        // The headers read for the entity about to begin; each entity keeps an exact-size copy.
        private readonly List<Header> headers = [];
        private ReadOnlyMemory<byte> input;

        private MailEntity? Root { get; set; }

        public MailEntity? Read(ReadOnlyMemory<byte> bytes, Stream stream, bool parse = true)
        {
            (input, Root) = (bytes, null);
            headers.Clear();
            open.Clear();
            SetStream(stream);
            if (parse) ReadMessage();
            return Root;
        }

        protected override void OnHeadersBegin(long beginOffset, int beginLineNumber, CancellationToken cancellationToken) => headers.Clear();

        protected override void OnHeaderRead(Header header, int beginLineNumber, CancellationToken cancellationToken) => headers.Add(header);

        protected override void OnMimePartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken) => Begin(contentType);

        protected override void OnMimePartContentEnd(long beginOffset, int beginLineNumber, long endOffset, int lines, NewLineFormat? newLineFormat, CancellationToken cancellationToken) =>
            open.Peek().Content = Slice(beginOffset, endOffset);

        protected override void OnMimePartEnd(ContentType contentType, long beginOffset, int beginLineNumber, long headersEndOffset, long endOffset, int lines, CancellationToken cancellationToken) => open.Pop();

        protected override void OnMultipartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken) => Begin(contentType);

        protected override void OnMultipartPreambleEnd(long beginOffset, int beginLineNumber, long endOffset, int lines, CancellationToken cancellationToken) =>
            open.Peek().Content = Slice(beginOffset, endOffset);

        protected override void OnMultipartEnd(ContentType contentType, long beginOffset, int beginLineNumber, long headersEndOffset, long endOffset, int lines, CancellationToken cancellationToken) => open.Pop();

        protected override void OnMessagePartBegin(ContentType contentType, long beginOffset, int beginLineNumber, CancellationToken cancellationToken) => Begin(contentType);

        protected override void OnMessagePartEnd(ContentType contentType, long beginOffset, int beginLineNumber, long headersEndOffset, long endOffset, int lines, CancellationToken cancellationToken) => open.Pop();

        private void Begin(ContentType type)
        {
            var entity = new MailEntity(type, [.. headers]);
            headers.Clear();
            if (open.TryPeek(out var parent))
            {
                if (parent.IsMultipart) parent.Children.Add(entity);
                else parent.Message ??= entity;
            }
            else
            {
                Root ??= entity;
            }
            open.Push(entity);
        }

        private ReadOnlyMemory<byte> Slice(long begin, long end) =>
            begin >= 0 && end <= input.Length && begin <= end ? input[(int)begin..(int)end] : ReadOnlyMemory<byte>.Empty;
    }
}
