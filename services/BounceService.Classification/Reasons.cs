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
    public const string Filtered = "filtered";

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

    /// <summary>Whether <paramref name="reason"/> is a failure on the delivery path rather than a verdict on the address.</summary>
    public static bool IsDeliveryPath(string reason) => DeliveryPath.Contains(reason);
}
