using System.Text.RegularExpressions;

namespace BounceService.Classification;

/// <summary>
/// Sisimai's stand-in status codes (<c>X.0.9NN</c>, one per reason) for a bounce that names no enhanced status
/// code, so that the <c>bounce-classify</c> output compares line for line with Sisimai's. They are outside the
/// IANA registry (no detail of 900 or more is assigned), so they never pass for a real code; the bounce log and
/// events keep <c>null</c> instead. Table from Sisimai 5 <c>SMTP/Status.pm</c> (BSD-2, see NOTICE.md).
/// </summary>
public static partial class PseudoStatus
{
    private static readonly Dictionary<string, int> Detail = new(StringComparer.Ordinal)
    {
        ["authfailure"] = 972, ["badreputation"] = 975, ["blocked"] = 971, ["contenterror"] = 960,
        ["exceedlimit"] = 923, ["expired"] = 947, ["filtered"] = 910, ["hasmoved"] = 916, ["hostunknown"] = 912,
        ["mailboxfull"] = 922, ["mailererror"] = 939, ["mesgtoobig"] = 934, ["networkerror"] = 944,
        ["norelaying"] = 909, ["notaccept"] = 932, ["notcompliantrfc"] = 974, ["onhold"] = 901,
        ["policyviolation"] = 972, ["rejected"] = 918, ["requireptr"] = 973, ["securityerror"] = 970,
        ["spamdetected"] = 980, ["speeding"] = 946, ["suspend"] = 921, ["systemerror"] = 930, ["systemfull"] = 931,
        ["syntaxerror"] = 902, ["toomanyconn"] = 945, ["userunknown"] = 911, ["undefined"] = 900, ["virusdetected"] = 971,
    };

    // Sisimai keeps no temporary stand-in for these: a temporary failure with them still reads 5.0.9NN.
    private static readonly HashSet<string> PermanentOnly = new(StringComparer.Ordinal)
    {
        "exceedlimit", "hasmoved", "hostunknown", "mailererror", "mesgtoobig", "norelaying", "policyviolation",
        "suspend", "syntaxerror", "userunknown", "virusdetected",
    };

    // Words of a sending MTA that gave up on an expiry or a full mailbox without any code: Sisimai's Exim and
    // Gmail modules call those temporary (4.0.947, 4.0.922). Not "retry timeout exceeded" alone: GMX and Mail.ru
    // write it too, and Sisimai's modules for them call it permanent. Exim's warning that a message is still
    // queued ("has not yet been delivered", "Delivery attempts will continue") is temporary by its own words.
    private static readonly string[] StillRetrying =
        ["retry time not reached", "delay reason:", "warning message only", "has not yet been delivered", "delivery attempts will continue"];

    // A reply code anywhere in the text ("ResponseCode 421", "ERROR_CODE :421"), as Sisimai looks for one.
    [GeneratedRegex(@"(?<![\d.])[45][0-5][0-9](?![\d.])", RegexOptions.CultureInvariant)]
    private static partial Regex ReplyCodeInText();

    /// <summary>
    /// <paramref name="status"/> when there is one; otherwise Sisimai's stand-in for <paramref name="reason"/>:
    /// class 4 when the reply code (or the first one in the text) is 4xx or, with none, the text says temporary.
    /// <c>null</c> for a reason Sisimai has no stand-in for (<c>greylisted</c>, <c>spamtrap</c>, <c>feedback</c>).
    /// <paramref name="gaveUpRetrying"/>: the sending MTA's notice says it retried until it gave up
    /// (<see cref="Mail.MailRecipient.GaveUpRetrying"/>); then an expiry or a full mailbox without any code is temporary.
    /// </summary>
    public static string? Or(string? status, string reason, int? replyCode, string? diagnostic, bool gaveUpRetrying = false)
    {
        if (status is not null) return status;
        if (!Detail.TryGetValue(reason, out var detail)) return null;
        var inText = diagnostic is null ? null : ReplyCodeInText().Match(diagnostic) is { Success: true } m ? m.Value : null;
        var temporary = replyCode is { } code ? code / 100 == 4
            : inText is not null ? inText[0] == '4'
            : reason is "expired" or "mailboxfull" && gaveUpRetrying
              || diagnostic is not null && (diagnostic.Contains("temporar", StringComparison.OrdinalIgnoreCase)
                || diagnostic.Contains("persistent", StringComparison.OrdinalIgnoreCase)
                || reason is "expired" or "mailboxfull" && Array.Exists(StillRetrying, w => diagnostic.Contains(w, StringComparison.OrdinalIgnoreCase)));
        if (!temporary || PermanentOnly.Contains(reason)) return $"5.0.{detail}";
        return $"4.0.{(reason == "filtered" ? 924 : detail)}"; // the one reason whose temporary stand-in differs
    }
}
