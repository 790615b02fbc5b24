using System.Text;
using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>
/// The report's own sender and addressees (every From, To, Reply-To and Sender field, as a MimeMessage would gather
/// them), its Return-Path and the returned message's sender: addresses that are never a bounced recipient.
/// </summary>
/// <remarks>Asked only about the addresses an MTA's text names, which are rarely in these fields: a field is parsed
/// with MimeKit's address parser only when its raw text holds the address asked about.</remarks>
internal sealed class OwnAddresses(MailHeaders headers, MailHeaders? returned)
{
    private List<(Header Field, string Raw)>? fields;
    private string? returnPath;

    public bool Contains(string address)
    {
        foreach (var (field, raw) in fields ??= Fields())
        {
            if (raw.Contains(address, StringComparison.OrdinalIgnoreCase) && Mailboxes(field).Any(m => m.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        returnPath ??= Addresses.First(headers[HeaderId.ReturnPath]) ?? "";
        return returnPath.Equals(address, StringComparison.OrdinalIgnoreCase);
    }

    private List<(Header, string)> Fields()
    {
        var own = headers.All.Where(h => h.Id is HeaderId.From or HeaderId.To or HeaderId.ReplyTo or HeaderId.Sender);
        if (returned?.First(HeaderId.From) is { } returnedFrom) own = own.Append(returnedFrom);
        return own.Select(h => (h, Encoding.UTF8.GetString(h.RawValue))).ToList();
    }

    // Parsed from the field's raw bytes: its decoded value would only be encoded again for the parser.
    private static IEnumerable<MailboxAddress> Mailboxes(Header field) =>
        InternetAddressList.TryParse(ParserOptions.Default, field.RawValue, out var list) ? list.Mailboxes : [];
}
