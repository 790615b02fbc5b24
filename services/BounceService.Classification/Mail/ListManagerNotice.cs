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

    /// <summary>Whether the message is a list manager's refusal.</summary>
    public static bool Is(HeaderList headers) =>
        headers.Contains(ManagerHeader) && headers[HeaderId.Subject] is { } subject
        && Array.Exists(RefusalSubjects, s => subject.Contains(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>The list named at the end of a line of <paramref name="text"/> (the text around it says why); else nothing.</summary>
    public static List<Finding> Read(HeaderList headers, string text)
    {
        if (!Is(headers)) return [];
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r', ' ', '\t');
            if (!trimmed.EndsWith(">.", StringComparison.Ordinal)) continue;
            var open = trimmed.LastIndexOf('<');
            if (open >= 0 && Addresses.First(trimmed[open..]) is { } list) return [new(list, null, null)];
        }
        return [];
    }
}
