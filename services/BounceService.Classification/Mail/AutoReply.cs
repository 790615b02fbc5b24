using System.Text.RegularExpressions;
using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>
/// RFC 3834 automatic responses (out of office, vacation) and their common non-standard marks. They
/// are not bounces: the address works and a person will read the mail later.
/// </summary>
internal static partial class AutoReply
{
    // Anchored words over one header: linear, so no timeout. Lotus Notes marks its replies "AUTO: <name> is out of the office".
    [GeneratedRegex(@"^\s*(?:auto(?:matic)?[\s-]*(?:reply|response|respons|antwort|risposta|réponse)|auto:|out\s+of\s+(?:the\s+)?office|away\s+(?:from|until)|vacation|abwesenheit|absence|on\s+leave)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Subject();

    public static bool Is(MailHeaders headers)
    {
        if (headers["Auto-Submitted"]?.Trim().StartsWith("auto-replied", StringComparison.OrdinalIgnoreCase) == true) return true;
        if (headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || headers.Contains("X-Auto-Response-Suppress") && headers.Contains("X-MS-Exchange-Inbox-Rules-Loop")) return true;
        if (headers["Precedence"]?.Trim().Equals("auto_reply", StringComparison.OrdinalIgnoreCase) == true) return true;
        // iCloud's vacation replies say so in their own header (Sisimai's RFC3834 module reads it too).
        if (headers["X-Apple-Action"]?.Trim().StartsWith("vacation", StringComparison.OrdinalIgnoreCase) == true) return true;
        return Subject().IsMatch(headers[HeaderId.Subject] ?? "");
    }
}
