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

    private static readonly Dictionary<string, string> ScopeByReason = new()
    {
        // The message was refused; the address is fine.
        ["mesgtoobig"] = "message", ["exceedlimit"] = "message", ["contenterror"] = "message",
        ["spamdetected"] = "message", ["virusdetected"] = "message",
        // Our side is broken or distrusted: never punish the subscriber for it.
        ["authfailure"] = "sender", ["blocked"] = "sender", ["badreputation"] = "sender",
        ["policyviolation"] = "sender", ["rejected"] = "sender", ["norelaying"] = "sender",
        ["requireptr"] = "sender", ["notcompliantrfc"] = "sender", ["securityerror"] = "sender",
        ["speeding"] = "sender", ["toomanyconn"] = "sender", ["mailererror"] = "sender",
        ["syntaxerror"] = "sender",
    };

    /// <summary><c>recipient</c>, <c>message</c> or <c>sender</c> for a reason.</summary>
    public static string ScopeOf(string reason) => ScopeByReason.GetValueOrDefault(reason, "recipient");
}
