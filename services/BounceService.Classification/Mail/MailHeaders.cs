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
    public IReadOnlyList<Header> All => fields;

    /// <summary>The decoded value of the first field with this id, or null.</summary>
    public string? this[HeaderId id] => First(id)?.Value;

    /// <summary>The decoded value of the first field with this name (case-insensitive), or null.</summary>
    public string? this[string field] => First(field)?.Value;

    public bool Contains(string field) => First(field) is not null;

    public Header? First(HeaderId id)
    {
        foreach (var header in fields)
        {
            if (header.Id == id) return header;
        }
        return null;
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
