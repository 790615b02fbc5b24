using System.Text;
using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>
/// The report's own sender and addressees (every From, To, Reply-To and Sender field, as a MimeMessage would gather
/// them), its Return-Path and the returned message's sender: addresses that are never a bounced recipient.
/// </summary>
/// <remarks>Asked only about the addresses an MTA's text names, which are rarely in these fields: a field is parsed
/// only when its raw text holds the address asked about.</remarks>
internal sealed class OwnAddresses(MailHeaders headers, MailHeaders? returned)
{
    private List<(Header Field, string Raw)>? fields;

    public bool Contains(string address)
    {
        foreach (var (field, raw) in fields ??= Fields())
        {
            if (raw.Contains(address, StringComparison.OrdinalIgnoreCase) && Names(field, address)) return true;
        }
        return false;
    }

    private List<(Header, string)> Fields()
    {
        var own = new List<(Header, string)>();
        foreach (var field in headers.All)
        {
            if (field.Id is HeaderId.From or HeaderId.To or HeaderId.ReplyTo or HeaderId.Sender) own.Add((field, Raw(field)));
        }
        if (returned?.First(HeaderId.From) is { } returnedFrom) own.Add((returnedFrom, Raw(returnedFrom)));
        if (headers.First(HeaderId.ReturnPath) is { } returnPath) own.Add((returnPath, Raw(returnPath)));
        return own;
    }

    private static string Raw(Header field) => Encoding.UTF8.GetString(field.RawValue);

    // A Return-Path names one address, read as any field's; the others are address lists, read with MimeKit's
    // parser from the raw bytes (the decoded value would only be encoded again for it).
    private static bool Names(Header field, string address) =>
        field.Id == HeaderId.ReturnPath
            ? address.Equals(Addresses.First(MailHeaders.ValueOf(field)), StringComparison.OrdinalIgnoreCase)
            : InternetAddressList.TryParse(ParserOptions.Default, field.RawValue, out var list)
                && list.Mailboxes.Any(m => m.Address.Equals(address, StringComparison.OrdinalIgnoreCase));
}
