using System.Text.RegularExpressions;

namespace BounceService.Classification;

/// <summary>
/// Diagnostic phrases of the common MTAs and providers, as data. First match wins, so the specific
/// (spam trap, DMARC, dead domain) come before the general (spam, blocked, "does not exist"). <c>Kind</c>
/// is used only when the text carries no status code at all.
/// </summary>
public static class TextRules
{
    private sealed record Rule(Regex Pattern, string Reason, string Kind);

    private static Rule R(string pattern, string reason, string kind) =>
        new(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromMilliseconds(100)), reason, kind);

    private const string Hard = "hard";
    private const string Soft = "soft";

    private static readonly Rule[] Rules =
    [
        R(@"spam\s*-?trap|honey\s*pot|trap\s+hit", Reasons.SpamTrap, Hard),
        R(@"\bdmarc\b|\bdkim\b|\bspf\b|not\s+authenticated|unauthenticated|authentication\s+(failed|failure|required)", "authfailure", Hard),
        R(@"grey\s*-?list|gray\s*-?list", Reasons.Greylisted, Soft),
        R(@"mailbox\s+(is\s+)?full|quota\s+exceeded|over\s*(the\s+)?quota|exceeded\s+(the\s+)?(storage|quota)|insufficient\s+(storage|space)|mailbox\s+size\s+limit|full\s+mailbox|storage\s+(allocation|limit)|boîte\s+pleine|postfach\s+voll", Reasons.MailboxFull, Soft),
        R(@"message\s+(size\s+)?(exceeded|exceeds|too\s+(big|large))|too\s+large|size\s+limit|message\s+length\s+exceeds", "mesgtoobig", Hard),
        R(@"host\s+(unknown|not\s+found)|domain\s+(not\s+found|does\s*n[o']t\s+exist|unknown)|no\s+such\s+domain|unknown\s+domain|name\s+or\s+service\s+not\s+known|nxdomain|no\s+mx\s+record|unrouteable\s+domain", "hostunknown", Hard),
        R(@"user\s+unknown|unknown\s+(user|recipient|local\s*part|mailbox)|no\s+such\s+(user|mailbox|recipient|account)|does\s*n[o']t\s+exist|not\s+exist|not\s+listed\s+in\s+(?:the\s+)?(?:domino\s+directory|public\s+name)|doesn't\s+have\s+an?\s+\S+\s+account|recipient\s+(?:name\s+is\s+)?not\s+(?:found|recognized)|recipient\s+address\s+rejected|mailbox\s+(not\s+found|unavailable|does\s+not)|recipient\s+(unknown|not\s+found|address\s+rejected:\s+user)|invalid\s+(recipient|mailbox|address)|user\s+not\s+found|nosuchuser|address\s+unknown|unrouteable\s+address|no\s+mailbox|utilisateur\s+inconnu|benutzer\s+unbekannt|destinatario\s+inexistente", "userunknown", Hard),
        R(@"account\s+(is\s+|has\s+been\s+)?(disabled|suspended|inactive|locked|deactivated)|mailbox\s+(is\s+)?(disabled|inactive|locked)", "suspend", Hard),
        R(@"sender\s+(?:address\s+)?rejected|mail\s*from\s+domain", "rejected", Hard),
        R(@"virus|malware", "virusdetected", Hard),
        R(@"spamhaus|black\s*list|block\s*list|\brbl\b|dnsbl|listed\s+(at|in|on)|blocked", "blocked", Hard),
        R(@"reputation", "badreputation", Soft),
        R(@"spam|junk|\bUBE\b|content\s+rejected", "spamdetected", Hard),
        R(@"relay(ing)?\s+(access\s+)?(denied|not\s+(permitted|allowed))|not\s+permitted\s+to\s+relay", "norelaying", Hard),
        R(@"reverse\s+dns|\bptr\b|\brdns\b", "requireptr", Hard),
        R(@"connection\s+rate\s+limit|frequency\s+limited", "toomanyconn", Soft),
        R(@"rate\s+limit|too\s+many\s+messages|sending\s+rate|throttl", "speeding", Soft),
        R(@"too\s+many\s+(connections|recipients)", "toomanyconn", Soft),
        R(@"expired|queue\s+too\s+long|after\s+multiple\s+retries|retry\s+time(out)?\s+(not\s+)?(reached|exceeded)|delivery\s+time\s+expired", "expired", Soft),
        R(@"timed?\s*out|connection\s+(refused|reset)|network\s+(error|unreachable)", "networkerror", Soft),
        R(@"has\s+moved|no\s+longer\s+(valid|available)", "hasmoved", Hard),
        R(@"policy|violation|not\s+authori[sz]ed|refused", "policyviolation", Hard),
        R(@"try\s+again\s+later|temporar(il)?y|deferred", "systemerror", Soft),
    ];

    /// <summary>The first rule that matches, or null.</summary>
    public static (string Reason, string Kind)? Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        foreach (var rule in Rules)
        {
            try
            {
                if (rule.Pattern.IsMatch(text)) return (rule.Reason, rule.Kind);
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological diagnostic must not stall ingest; skip the rule.
            }
        }
        return null;
    }
}
