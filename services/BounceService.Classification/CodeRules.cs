namespace BounceService.Classification;

/// <summary>
/// What an enhanced status code says by itself (RFC 3463, the IANA registry of RFC 5248). Codes marked
/// generic (X.0.0, X.7.1, ...) are overruled by a matching text rule; specific ones are not.
/// </summary>
public static class CodeRules
{
    private sealed record Rule(string Reason, bool Specific);

    // Keyed by "subject.detail"; the class digit only decides hard or soft.
    private static readonly Dictionary<string, Rule> BySubjectDetail = new()
    {
        ["1.0"] = new("userunknown", false),
        ["1.1"] = new("userunknown", true),
        ["1.2"] = new("hostunknown", true),
        ["1.3"] = new("userunknown", true),
        ["1.4"] = new("userunknown", true),
        ["1.6"] = new("hasmoved", true),
        ["1.7"] = new("rejected", true),
        ["1.8"] = new("rejected", true),
        ["1.10"] = new("notaccept", false), // null MX by RFC 7505, but Microsoft answers it for unknown users
        ["2.1"] = new("suspend", false), // MTAs answer it for unknown users too
        ["2.2"] = new(Reasons.MailboxFull, true),
        ["2.3"] = new("mesgtoobig", true),
        ["2.4"] = new("systemerror", false),
        ["3.0"] = new("systemerror", false),
        ["3.1"] = new("systemfull", true),
        ["3.2"] = new("notaccept", false),
        ["3.4"] = new("mesgtoobig", true),
        ["3.5"] = new("systemerror", false),
        ["4.0"] = new("networkerror", false),
        ["4.1"] = new("networkerror", false),
        ["4.2"] = new("networkerror", false),
        ["4.3"] = new("systemerror", false),
        ["4.4"] = new("hostunknown", true),
        ["4.5"] = new("systemfull", false),
        ["4.6"] = new("networkerror", true),
        ["4.7"] = new("expired", true),
        ["5.0"] = new("syntaxerror", false),
        ["5.3"] = new("toomanyconn", true),
        ["6.0"] = new("contenterror", false),
        ["7.0"] = new("securityerror", false),
        ["7.1"] = new("policyviolation", false),
        ["7.2"] = new("policyviolation", true),
        ["7.7"] = new("authfailure", true),
        ["7.8"] = new("authfailure", true),
        ["7.9"] = new("policyviolation", false), // "not accepted for policy reasons" in practice
        ["7.13"] = new("authfailure", true),
        ["7.17"] = new("hasmoved", true),
        ["7.18"] = new("hasmoved", true),
        ["7.20"] = new("authfailure", true),
        ["7.21"] = new("authfailure", true),
        ["7.22"] = new("authfailure", true),
        ["7.23"] = new("authfailure", true),
        ["7.24"] = new("authfailure", true),
        ["7.25"] = new("requireptr", true),
        ["7.26"] = new("authfailure", true),
        ["7.27"] = new("rejected", true),
        ["7.28"] = new("speeding", true),
        ["7.29"] = new("authfailure", true),
    };

    /// <summary>The reason a code implies, and whether a text rule may overrule it.</summary>
    public static (string Reason, bool Specific)? Lookup(string dsn)
    {
        var subjectDetail = dsn[2..];
        // 4.7.0 is how greylisting usually answers (AcelleMail guide); 5.7.0 is a plain security refusal.
        if (dsn == "4.7.0") return (Reasons.Greylisted, false);
        if (BySubjectDetail.TryGetValue(subjectDetail, out var rule)) return (rule.Reason, rule.Specific);
        var subject = subjectDetail.Split('.')[0];
        return BySubjectDetail.TryGetValue(subject + ".0", out var general) ? (general.Reason, false) : null;
    }
}
