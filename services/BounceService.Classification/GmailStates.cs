using static BounceService.Classification.Reasons;

namespace BounceService.Classification;

/// <summary>
/// Gmail's old bounces end the other server's reply with Gmail's session state ("550 550 Unknown user (state 18)."):
/// the state names the refused command and, unless the reply carries a precise status code, the reason. From
/// Sisimai's <c>Lhost/Gmail.pm</c> state table (BSD 2-Clause, see NOTICE.md).
/// </summary>
internal static class GmailStates
{
    private const string Marker = "(state ";

    private static readonly Dictionary<string, (string? Command, string Reason)> States = new()
    {
        ["6"] = (SmtpCommands.Mail, SystemError), // 500 Remote server does not support TLS
        ["8"] = (null, SystemError), ["9"] = (null, SystemError), // AUTH: SMTP AUTH failed, TLS missing certificate
        ["12"] = (null, NoRelaying), // AUTH: does not support SMTP Authenticated Relay
        ["13"] = (null, Blocked), // EHLO: Access denied
        ["14"] = (SmtpCommands.Rcpt, UserUnknown),
        ["15"] = (SmtpCommands.Data, Filtered), ["17"] = (SmtpCommands.Data, Filtered), ["18"] = (SmtpCommands.Data, Filtered),
    };

    /// <summary>The command Gmail's state in <paramref name="text"/> names, or null.</summary>
    public static string? CommandOf(string text) => Find(text) is { } state ? state.Command : null;

    /// <summary>The reason Gmail's state in <paramref name="text"/> gives, or null where <paramref name="dsn"/> says better.</summary>
    public static string? ReasonOf(string text, string? dsn) => Find(text) is { } state && !IsPrecise(dsn) ? state.Reason : null;

    // Sisimai 5 lets a code with no zero subject or detail ("4.2.2", "5.7.26"; not "5.7.0", "5.0.1") override the state.
    private static bool IsPrecise(string? dsn) =>
        dsn is { Length: >= 5 } && !dsn.Contains(".0", StringComparison.Ordinal);

    private static (string? Command, string Reason)? Find(string text)
    {
        // The forward search is vectorised and the backward one is not: most texts have no marker at all.
        if (!text.Contains(Marker, StringComparison.OrdinalIgnoreCase)) return null;
        var at = text.LastIndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        var digits = text.AsSpan(at + Marker.Length);
        var length = 0;
        while (length < digits.Length && length < 3 && char.IsAsciiDigit(digits[length])) length++;
        // "(state 14)." is Gmail's; X3's "SMTP Error (state 9):" is another MTA's.
        if (length == 0 || !digits[length..].StartsWith(")."))
            return null;
        return States.TryGetValue(digits[..length].ToString(), out var state) ? state : null;
    }
}
