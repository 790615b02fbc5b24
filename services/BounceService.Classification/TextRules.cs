using System.Text.RegularExpressions;

namespace BounceService.Classification;

/// <summary>
/// Diagnostic phrases of the common MTAs and providers, as data. First match wins, so the specific
/// (spam trap, DMARC, dead domain) come before the general (spam, blocked, "does not exist"). <c>Kind</c>
/// is used only when the text carries no status code at all.
/// </summary>
public static partial class TextRules
{
    // Multi-line replies repeat the codes on every line ("... multiple 550-5.7.1 addresses in From: header");
    // they would split the phrases the rules look for.
    [GeneratedRegex(@"(?<=\s)[245]\d\d[ -]#?[245]\.\d{1,3}\.\d{1,3}\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ContinuationCodes();

    private sealed record Rule(Regex Pattern, string Reason, string Kind);

    private static Rule R(string pattern, string reason, string kind) =>
        new(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromMilliseconds(100)), reason, kind);

    private const string Hard = "hard";
    private const string Soft = "soft";

    private static readonly Rule[] Rules =
    [
        R(@"spam\s*-?trap|honey\s*pot|trap\s+hit", Reasons.SpamTrap, Hard),
        R(@"duplicate\s+header", "contenterror", Hard),
        R(@"\bdmarc\b|\bdkim\b|\bspf\b|not\s+authenticated|unauthenticated|authentication\s+(failed|failure|required)", "authfailure", Hard),
        R(@"grey\s*-?list|gray\s*-?list", Reasons.Greylisted, Soft),
        R(@"mailbox\s+(is\s+)?full|quota\s+exceeded|over\s*(the\s+)?quota|exceeded\s+(the\s+)?(storage|quota)|insufficient\s+(storage|space)|mailbox\s+size\s+limit|full\s+mailbox|storage\s+(allocation|limit)|boîte\s+pleine|postfach\s+voll", Reasons.MailboxFull, Soft),
        R(@"message\s+(size\s+)?(exceeded|exceeds|too\s+(big|large))|too\s+large|size\s+limit|message\s+length\s+exceeds", "mesgtoobig", Hard),
        // A local delivery program (procmail, a pipe) failed: the receiving host's mailer, not the address.
        R(@"^\s*x-unix;", "mailererror", Soft),
        R(@"temporar(?:il)?y\s+locked|mailbox\s+(?:is\s+)?frozen|(?:recipient|user)(?:'s)?\s+account\s+is\s+(?:blocked|locked|disabled)", "suspend", Hard),
        // Null MX (RFC 7505) or no MX at all: the domain takes no mail.
        R(@"no\s+mx\s+(?:record|found)|null\s+mx|indicated\s+no\s+smtp\s+service", "notaccept", Hard),
        // A DNS lookup that failed for now is the network's problem, not a dead domain.
        R(@"name\s+server\s+reply|host\s+not\s+found,\s+try\s+again|temporary\s+failure\s+in\s+name\s+resolution", "networkerror", Soft),
        R(@"host\s+(unknown|not\s+found)|domain\s+(not\s+found|does\s*n[o']t\s+exist|unknown)|no\s+such\s+domain|unknown\s+(?:domain|host)|name\s+or\s+service\s+not\s+known|nxdomain|unrouteable\s+(?:domain|address)|domain\s+(?:is\s+)?(?:not\s+reachable|unreachable)", "hostunknown", Hard),
        // "550 : User unknown", the address left out: KDDI's (au) answer when the recipient's own filter refuses the sender.
        R(@"\b[45]\d\d\s*:?\s*:\s*user\s+unknown", Reasons.Filtered, Hard),
        R(@"user\s+unknown|unknown\s+(user|recipient|local\s*part|mailbox)|no\s+such\s+(user|mailbox|recipient|account)|does\s*n[o']t\s+exist|not\s+exist|not\s+listed\s+in\s+(?:the\s+)?(?:domino\s+directory|public\s+name)|doesn't\s+have\s+an?\s+\S+\s+account|recipient\s+(?:name\s+is\s+)?not\s+(?:found|recognized)|recipient\s+address\s+rejected|mailbox\s+(not\s+found|unavailable|does\s+not)|recipient\s+(unknown|not\s+found|address\s+rejected:\s+user)|invalid\s+(recipient|mailbox|address)|user\s+not\s+found|nosuchuser|address\s+unknown|no\s+valid\s+recipients|no\s+mailbox|utilisateur\s+inconnu|benutzer\s+unbekannt|destinatario\s+inexistente", "userunknown", Hard),
        R(@"account\s+(is\s+|has\s+been\s+)?(disabled|suspended|inactive|locked|deactivated)|mailbox\s+(is\s+)?(disabled|inactive|locked)", "suspend", Hard),
        R(@"sender\s+(?:address\s+)?rejected|mail\s*from\s+domain", "rejected", Hard),
        R(@"virus|malware", "virusdetected", Hard),
        R(@"not\s+(?:rfc\s*\d*\s+)?compliant|multiple\s+addresses\s+in\s+from|multiple\s+\w+\s+headers", "notcompliantrfc", Hard),
        R(@"reputation", "badreputation", Soft),
        R(@"connection\s+rate\s+limit|frequency\s+limited", "toomanyconn", Soft),
        R(@"receiving\s+mail\s+at\s+a\s+rate", "speeding", Soft),
        R(@"relay(ing)?\s+(access\s+)?(denied|not\s+(permitted|allowed))|not\s+permitted\s+to\s+relay|not\s+configured\s+to\s+relay", "norelaying", Hard),
        R(@"access\s+denied", "rejected", Hard),
        // Postfix: the server's greeting was a refusal, which is how blocklisted senders are turned away.
        R(@"refused\s+to\s+talk\s+to\s+me", "blocked", Hard),
        R(@"spamhaus|black\s*list|block\s*list|\brbl\b|dnsbl|listed\s+(at|in|on)|blocked", "blocked", Hard),
        R(@"spam|junk|\bUBE\b", "spamdetected", Hard),
        R(@"content\s+rejected", "contenterror", Hard),
        R(@"reverse\s+dns|\bptr\b|\brdns\b", "requireptr", Hard),
        R(@"rate\s+limit|too\s+many\s+messages|sending\s+rate|throttl", "speeding", Soft),
        R(@"too\s+many\s+(connections|recipients)", "toomanyconn", Soft),
        // A delay warning: the MTA keeps trying, and will give up when the message expires.
        R(@"warning\s+message\s+only|delivery\s+(?:has\s+been\s+)?delayed|will\s+(?:continue|keep)\s+(?:trying|to\s+try)", "expired", Soft),
        R(@"expired|queue\s+too\s+long|after\s+multiple\s+retries|retry\s+time(out)?\s+(not\s+)?(reached|exceeded)|delivery\s+time\s+expired", "expired", Soft),
        R(@"timed?\s*out|connection\s+(refused|reset)|network\s+(error|unreachable)", "networkerror", Soft),
        R(@"has\s+moved|no\s+longer\s+(valid|available)", "hasmoved", Hard),
        R(@"message\s+filtered|filtered\s+message", Reasons.Filtered, Hard),
        R(@"policy|violation|not\s+authori[sz]ed|refused|not\s+allowed", "policyviolation", Hard),
        R(@"not\s+implemented|syntax\s+error|command\s+unrecognized", "syntaxerror", Hard),
        R(@"service\s+(?:currently\s+)?unavailable|transaction\s+failed|system\s+error|internal\s+error", "systemerror", Soft),
        R(@"try\s+again\s+later|temporar(il)?y|deferred", "systemerror", Soft),
    ];

    private static string WithoutContinuationCodes(string text)
    {
        try
        {
            return ContinuationCodes().Replace(text, " ");
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }
    }

    /// <summary>The first rule that matches, or null.</summary>
    public static (string Reason, string Kind)? Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = WithoutContinuationCodes(text);
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
