namespace BounceService.Classification;

/// <summary>
/// The reason vocabulary (Sisimai's, plus <c>greylisted</c> and <c>spamtrap</c> from the AcelleMail guide)
/// and whose fault each reason is. A reason missing here is recipient-scope.
/// </summary>
public static class Reasons
{
    public const string Undefined = "undefined";
    public const string Feedback = "feedback";
    public const string Delivered = "delivered";
    public const string MailboxFull = "mailboxfull";
    public const string Greylisted = "greylisted";
    public const string SpamTrap = "spamtrap";
    public const string UserUnknown = "userunknown";
    public const string HostUnknown = "hostunknown";
    public const string HasMoved = "hasmoved";
    public const string NotAccept = "notaccept";
    public const string Filtered = "filtered";
    public const string Suspend = "suspend";
    public const string MesgTooBig = "mesgtoobig";
    public const string ExceedLimit = "exceedlimit";
    public const string NoRelaying = "norelaying";
    public const string AuthFailure = "authfailure";
    public const string RequirePtr = "requireptr";
    public const string NotCompliantRfc = "notcompliantrfc";
    public const string Rejected = "rejected";
    public const string SpamDetected = "spamdetected";
    public const string Speeding = "speeding";
    public const string TooManyConn = "toomanyconn";
    public const string Blocked = "blocked";
    public const string PolicyViolation = "policyviolation";
    public const string VirusDetected = "virusdetected";
    public const string BadReputation = "badreputation";
    public const string SecurityError = "securityerror";
    public const string SystemError = "systemerror";
    public const string NetworkError = "networkerror";
    public const string Expired = "expired";
    public const string ContentError = "contenterror";
    public const string SystemFull = "systemfull";
    public const string MailerError = "mailererror";
    public const string SyntaxError = "syntaxerror";
    public const string OnHold = "onhold";

    // Failures on the way to the mailbox, not verdicts on the address. Their scope stays "recipient" while they
    // are soft or undetermined (retries decide), but a permanent one is this message's failure: see Classifier.
    private static readonly HashSet<string> DeliveryPath =
        [Filtered, Undefined, "onhold", "expired", "networkerror", "systemerror", "systemfull", "mailererror"];

    private static readonly Dictionary<string, string> ScopeByReason = new()
    {
        // The message was refused; the address is fine.
        ["mesgtoobig"] = "message", ["exceedlimit"] = "message", ["contenterror"] = "message",
        ["spamdetected"] = "message", ["virusdetected"] = "message",
        // A filter refused this message, or the receiving host's mailer program failed: never the address.
        [Filtered] = "message", ["mailererror"] = "message",
        // Our side is broken or distrusted: never punish the subscriber for it.
        ["authfailure"] = "sender", ["blocked"] = "sender", ["badreputation"] = "sender",
        ["policyviolation"] = "sender", ["rejected"] = "sender", ["norelaying"] = "sender",
        ["requireptr"] = "sender", ["notcompliantrfc"] = "sender", ["securityerror"] = "sender",
        ["speeding"] = "sender", ["toomanyconn"] = "sender",
        ["syntaxerror"] = "sender",
    };

    /// <summary><c>recipient</c>, <c>message</c> or <c>sender</c> for a reason.</summary>
    public static string ScopeOf(string reason) => ScopeByReason.GetValueOrDefault(reason, "recipient");

    /// <summary>
    /// Sisimai's hard bounce (<c>SMTP/Failure.pm</c> <c>is_hardbounce</c>): the reason itself condemns the
    /// address. A null MX condemns it unless the code or the text (<paramref name="preparedText"/>) says temporary.
    /// </summary>
    public static bool IsAddressDead(string reason, string? code, string preparedText) => reason switch
    {
        UserUnknown or HostUnknown or HasMoved or SpamTrap => true,
        NotAccept => code is ['5', ..] || code is not ['4', ..] && !preparedText.Contains(" temporar", StringComparison.Ordinal)
            && !preparedText.Contains(" persistent", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>Whether <paramref name="reason"/> is a failure on the delivery path rather than a verdict on the address.</summary>
    public static bool IsDeliveryPath(string reason) => DeliveryPath.Contains(reason);
}
