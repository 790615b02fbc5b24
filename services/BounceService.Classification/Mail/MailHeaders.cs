using System.Text;
using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>
/// One entity's header fields in their order, looked up as MimeKit's <see cref="HeaderList"/> would (the first
/// field of a name, its decoded value) but by a plain walk over the few dozen fields of a block: a HeaderList
/// builds a dictionary and hooks a change handler to every field, which cost more than all the look-ups here.
/// </summary>
internal sealed class MailHeaders(Header[] fields)
{
    /// <summary>Every field, in the order the message gives them.</summary>
    public Header[] All => fields;

    /// <summary>The decoded value of the first field with this id, or null.</summary>
    public string? this[HeaderId id] => First(id) is { } header ? ValueOf(header) : null;

    /// <summary>The decoded value of the first field with this name (case-insensitive), or null.</summary>
    public string? this[string field] => First(field) is { } header ? ValueOf(header) : null;

    public bool Contains(string field) => First(field) is not null;

    public Header? First(HeaderId id)
    {
        foreach (var header in fields)
        {
            if (header.Id == id) return header;
        }
        return null;
    }

    /// <summary><paramref name="header"/>'s value as <see cref="Header.Value"/> gives it.</summary>
    /// <remarks>MimeKit decodes RFC 2047 words and the charset, then unfolds. Plain ASCII without an encoded
    /// word decodes to itself, so it is only unfolded here (as Header.Unfold does: trimmed, CR and LF dropped)
    /// without MimeKit's tokenizer, which was most of the cost of reading a returned message's X- fields.</remarks>
    public static string ValueOf(Header header)
    {
        var raw = header.RawValue;
        if (!Ascii.IsValid(raw) || raw.AsSpan().IndexOf("=?"u8) >= 0) return header.Value;
        var text = raw.AsSpan().Trim(" \t\r\n\v\f"u8);
        return text.IndexOfAny((byte)'\r', (byte)'\n') < 0 ? Encoding.ASCII.GetString(text) : Unfold(text);
    }

    private static string Unfold(ReadOnlySpan<byte> folded)
    {
        var text = new StringBuilder(folded.Length);
        foreach (var b in folded)
        {
            if (b is not ((byte)'\r' or (byte)'\n')) text.Append((char)b);
        }
        return text.ToString();
    }

    private Header? First(string field)
    {
        foreach (var header in fields)
        {
            if (header.Field.Equals(field, StringComparison.OrdinalIgnoreCase)) return header;
        }
        return null;
    }
}
