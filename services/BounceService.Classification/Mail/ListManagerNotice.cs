using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>
/// A mailing-list manager's refusal of a post (FML: "NOT MEMBER article from ...", "fml system error
/// message"). It is not addressed by a mail system, so only the manager's header and its subjects tell it
/// from list traffic; the address it could not deliver to is the list's, named at the end of a sentence
/// ("... of this mailing list &lt;ml@example.jp&gt;."). Subjects after Sisimai's Lhost/FML.pm (BSD-2, NOTICE.md).
/// </summary>
internal static class ListManagerNotice
{
    private const string ManagerHeader = "X-MLServer";

    private static readonly string[] RefusalSubjects =
    [
        "NOT MEMBER article from", "reject mail ", "Spam mail from a spammer is rejected", " are not member",
        "fml system error message", "Loop Alert: ", "Loop Back Warning: ", "UNIX FROM Loop", "Security Alert",
    ];

    // The manager writes as the list's "ml-admin"; posts it distributes carry its header too, from their authors.
    private const string ManagerSender = "-admin@";

    /// <summary>Whether the message is a list manager's refusal.</summary>
    public static bool Is(MailHeaders headers) =>
        headers.Contains(ManagerHeader) && headers[HeaderId.Subject] is { } subject
        && headers[HeaderId.From]?.Contains(ManagerSender, StringComparison.OrdinalIgnoreCase) == true
        && Array.Exists(RefusalSubjects, s => subject.Contains(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The list named at the end of a line of <paramref name="text"/>, else the first address in brackets (a
    /// translated notice words it otherwise); the subject leads the text as why, as the subject alone may say it.
    /// </summary>
    public static List<Finding> Read(MailHeaders headers, string text)
    {
        if (!Is(headers)) return [];
        string? bracketed = null;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r', ' ', '\t');
            var open = trimmed.LastIndexOf('<');
            if (open < 0 || Addresses.First(trimmed[open..]) is not { } address) continue;
            if (trimmed.EndsWith(">.", StringComparison.Ordinal)) return [new(address, null, headers[HeaderId.Subject])];
            // The notice goes to the poster, whose own address it may quote.
            if (headers[HeaderId.To]?.Contains(address, StringComparison.OrdinalIgnoreCase) != true) bracketed ??= address;
        }
        return bracketed is null ? [] : [new(bracketed, null, headers[HeaderId.Subject])];
    }
}
