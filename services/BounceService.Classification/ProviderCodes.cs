using System.Buffers;
using System.Text.RegularExpressions;
using static BounceService.Classification.Reasons;

namespace BounceService.Classification;

/// <summary>
/// Receiving providers' own refusal codes, which name the cause better than the status code does: La Poste and
/// Orange ("LPN007_426", "OFR_999"), Cox ("AUP#CXBL"), Spectrum ("AUP#In-1310"), GoDaddy ("IB607"), Yahoo
/// ("[TSS04]", "delivery error: dd"), i.ua ("mail.i.ua/err/3"), and KDDI's, Tencent's, NTT docomo's and Mimecast's own wording. Ported from
/// Sisimai's <c>Rhost/*.pm</c> (BSD 2-Clause, see NOTICE.md). The codes are distinctive enough to be read without
/// knowing which host answered, except Yahoo's bracketed ones: Sisimai reads those only from Yahoo's hosts, and
/// elsewhere reads the words ("temporarily deferred due to unexpected volume or user complaints") as any reply.
/// GoDaddy's, Cox's, MessageLabs' and AOL's plain words count only where their hosts answered (<see cref="ProviderHosts"/>). Matched in <see cref="TextRules.Prepare"/>d (lower-case) text.
/// The patterns are linear and that text is capped, so they run without a timeout (a timeout reads the clock on
/// every match).
/// </summary>
internal static partial class ProviderCodes
{
    [GeneratedRegex(@"\b(?:lpn|lpnaaa|ofr|ouk)(?:_|\d{3}[-_])(?<code>\d{3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex LaPosteOrange();

    [GeneratedRegex(@"aup#(?<code>[0-9a-z]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Cox();

    [GeneratedRegex(@"aup#[-a-z]*(?<code>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex Spectrum();

    [GeneratedRegex(@"\s(?<code>ib\d{3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex GoDaddy();

    [GeneratedRegex(@"\[(?<code>(?:tss|ph|bl)\d\d)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Yahoo();

    private static readonly SearchValues<string> LaPosteOrangePrefixes = SearchValues.Create(["lpn", "ofr", "ouk"], StringComparison.Ordinal);

    // La Poste and Orange: the last three digits; "undefined" where the code says nothing ("try again later").
    private static readonly Dictionary<string, string> LaPosteOrangeCodes = new()
    {
        ["101"] = Blocked, ["102"] = Blocked, ["103"] = Blocked, ["104"] = TooManyConn, ["105"] = Undefined,
        ["107"] = Undefined, ["108"] = Undefined, ["109"] = Undefined, ["201"] = Undefined, ["305"] = SecurityError,
        ["401"] = Blocked, ["402"] = SecurityError, ["403"] = Rejected, ["405"] = Rejected, ["415"] = Rejected,
        ["416"] = UserUnknown, ["417"] = MailboxFull, ["418"] = UserUnknown, ["420"] = Suspend, ["421"] = Rejected,
        ["423"] = Undefined, ["424"] = Undefined, ["426"] = Suspend, ["505"] = SystemError, ["506"] = SpamDetected,
        ["510"] = Blocked, ["513"] = Undefined, ["514"] = MesgTooBig, ["517"] = PolicyViolation, ["630"] = PolicyViolation,
        ["999"] = Blocked,
    };

    private static readonly Dictionary<string, string> CoxCodes = new()
    {
        ["cxbl"] = Blocked, ["cxthrt"] = SecurityError, ["cxmj"] = SecurityError, ["cxdns"] = RequirePtr, ["cxsndr"] = AuthFailure,
        ["cxsmtp"] = Rejected, ["cxcnct"] = TooManyConn, ["cxmxrt"] = TooManyConn, ["cdrbl"] = Blocked,
        ["ipbl0001"] = Blocked, ["ipbl0010"] = Blocked, ["ipbl0100"] = Blocked, ["ipbl0011"] = Blocked, ["ipbl0101"] = Blocked,
        ["ipbl0110"] = Blocked, ["ipbl0111"] = Blocked, ["ipbl1000"] = Blocked, ["ipbl1001"] = Blocked, ["ipbl1010"] = Blocked,
        ["ipbl1011"] = Blocked, ["ipbl1100"] = Blocked, ["ipbl1101"] = Blocked, ["ipbl1110"] = Blocked, ["ipbl1111"] = Blocked,
        ["ipbl00001"] = Blocked, ["urlbl011"] = SpamDetected, ["urlbl101"] = SpamDetected, ["urlbl110"] = SpamDetected,
        ["urlbl1001"] = SpamDetected,
    };

    // Cox's replies without a code, read only where its host answered: plain words that mean less elsewhere.
    private static readonly (string Phrase, string Reason)[] CoxPhrases =
    [
        ("cox too many bad commands from", Blocked), ("too many invalid recipients", Blocked),
        ("dns check failure - try again later", RequirePtr), ("rejected - no rdns", RequirePtr),
        ("esmtp no data before greeting", PolicyViolation), ("attachment extension is forbidden", PolicyViolation),
        ("sender rejected", Rejected), ("esmtp server temporarily not available", SystemError),
        ("too many sessions from", TooManyConn), ("requested action aborted: try again later", TooManyConn),
        ("message threshold exceeded", TooManyConn), ("recipient rejected", UserUnknown),
    ];

    // Spectrum: single codes, then ranges (first, last, reason).
    private static readonly Dictionary<int, string> SpectrumCodes = new()
    {
        [1000] = Blocked, [1010] = Rejected, [1090] = SystemError, [1260] = NetworkError, [1500] = Rejected,
        [1520] = Rejected, [1530] = MesgTooBig, [1540] = Speeding, [1550] = Speeding, [1560] = PolicyViolation,
        [1580] = Speeding,
    };

    private static readonly (int First, int Last, string Reason)[] SpectrumRanges =
    [
        (1020, 1080, Rejected), (1100, 1150, RequirePtr), (1160, 1190, PolicyViolation), (1200, 1210, Blocked),
        (1220, 1250, Blocked), (1300, 1340, TooManyConn), (1350, 1490, Speeding),
    ];

    private static readonly Dictionary<string, string> GoDaddyCodes = new()
    {
        ["ib103"] = BadReputation, ["ib104"] = Blocked, ["ib105"] = Blocked, ["ib106"] = Blocked, ["ib007"] = TooManyConn,
        ["ib101"] = Speeding, ["ib108"] = RequirePtr, ["ib110"] = Blocked, ["ib111"] = Blocked, ["ib112"] = Blocked,
        ["ib113"] = Blocked, ["ib212"] = SpamDetected, ["ib401"] = SecurityError, ["ib501"] = NotCompliantRfc,
        ["ib502"] = NotCompliantRfc, ["ib504"] = Speeding, ["ib506"] = Rejected, ["ib508"] = AuthFailure, ["ib510"] = Speeding,
        ["ib605"] = TooManyConn, ["ib607"] = Speeding, ["ib705"] = VirusDetected,
    };

    // GoDaddy's replies without a code, read only where its host answered: plain words that mean less elsewhere.
    private static readonly (string Phrase, string Reason)[] GoDaddyPhrases =
    [
        ("rbl reject", Blocked), ("www.spamhaus.org/query/bl?ip=", Blocked), ("has been in the queue too long", Expired),
        ("delivery timeout", Expired), ("account storage limit", MailboxFull),
        ("message rejected for spam or virus content", SpamDetected), ("account disabled", Suspend),
        ("message is looping", SystemError), ("recipient not found", UserUnknown), ("account does not exist", UserUnknown),
    ];

    // Yahoo, where its host answered: "[TSS04] Messages from ... temporarily deferred", "[PH01] Email not accepted for policy reasons".
    private static readonly Dictionary<string, string> YahooCodes = new()
    {
        ["tss04"] = Rejected, ["tss09"] = Rejected, ["tss11"] = Rejected, ["ph01"] = PolicyViolation,
        ["bl21"] = Blocked, ["bl23"] = Blocked,
    };

    // Yahoo's "554 delivery error: dd ..." replies say what became of the account, whichever command they answer.
    private static readonly (string Phrase, string Reason)[] YahooDeliveryErrors =
    [
        ("this user doesn't have a ", UserUnknown), (" is no longer valid.", Suspend),
    ];

    // Tencent (QQ Mail) words its refusals in its own way. These are distinctive enough to read anywhere; the
    // generic ones only where QQ Mail signs the reply (its help links on service.mail.qq.com) or its host answered.
    private static readonly (string Phrase, string Reason)[] TencentPhrases =
    [
        ("mail is rejected by recipients", Rejected), ("suspected bounce attacks", Blocked), ("suspected spam ip", Blocked),
        ("is a deactivated mailbox", Suspend), ("bad address syntax", SyntaxError), ("spam is embedded in the email", SpamDetected),
    ];

    // Every Tencent phrase and its signature in one vectorised pass: most texts have none of them.
    private static readonly SearchValues<string> TencentWords =
        SearchValues.Create([.. TencentPhrases.Select(p => p.Phrase), "mail.qq.com"], StringComparison.Ordinal);

    private static readonly (string Phrase, string Reason)[] TencentSignedPhrases =
    [
        ("spf check failed", AuthFailure), ("connection denied", Blocked),
        ("suspected spam", Rejected), // "suspected spam ip" (TencentPhrases, read first) is blocked
    ];

    // Mimecast words some refusals in its own way; read them only where Mimecast signs the reply, by name or by its
    // signature ids ("MCSpamSignature.sa.2.2"), or where its host answered.
    private static readonly string[] MimecastSigns = ["mimecast", "mcspamsignature"];

    // The plain ones ("user unknown", "too many recipients") last: a longer phrase may hold them.
    private static readonly (string Phrase, string Reason)[] MimecastPhrases =
    [
        ("spf sender invalid - envelope rejected", AuthFailure), ("dkim sender invalid - envelope rejected", AuthFailure),
        ("dmarc sender invalid - envelope rejected", AuthFailure),
        ("internal resources are temporarily unavailable", BadReputation), ("local ct ip reputation - (reject)", BadReputation),
        ("sender address blocked", Blocked), ("recipient temporarily unavailable", Blocked), ("ip temporarily blacklisted", Blocked),
        ("maximum email size exceeded", MesgTooBig),
        ("the incorrect hostname used for inbounds", NetworkError), ("mail loop detected", NetworkError),
        ("open relay not allowed", NoRelaying), ("open relay is not allowed", NoRelaying), ("account inbounds disabled", NotAccept),
        ("account outbounds disabled", OnHold), ("hostname is not authorized", OnHold), ("journal message past expiration", OnHold),
        ("anti-spoofing policy - inbound not allowed", PolicyViolation), ("rejected by header-based anti-spoofing policy", PolicyViolation),
        ("message bounced due to content examination policy", PolicyViolation), ("host network not allowed", PolicyViolation),
        ("host network, not allowed", PolicyViolation),
        ("administrative prohibition envelope blocked", Rejected), ("envelope blocked - user entry", Rejected),
        ("envelope blocked - user domain entry", Rejected),
        ("rejected by header-based manually blocked senders - block for manual block", Rejected),
        ("rejected by header-based blocked senders - block policy for header from", Rejected),
        ("envelope rejected - block policy for envelope from address", Rejected),
        ("incorrect authentication data", SecurityError), ("submitter failed to disabled", SecurityError),
        ("submitter failed to authenticate", SecurityError), ("this route requires encryption (tls)", SecurityError),
        ("this route requires tls version 1.2 or greater", SecurityError), ("this route requires high-strength ciphers", SecurityError),
        ("configuration is invalid for this certificate", SecurityError),
        ("unable to process connection at this time", SystemError), ("message ended early", SystemError),
        ("unable to process command", SystemError), ("unable to process an email at this time", SystemError),
        ("account service is temporarily unavailable", TooManyConn), ("exceeding outbound thread limit", TooManyConn),
        ("email rejected due to security policies", VirusDetected), // a virus or spam signature matched
        ("too many recipients", TooManyConn), ("invalid address", UserUnknown), ("user unknown", UserUnknown),
        ("invalid recipient", UserUnknown),
    ];

    // Plain words that name a cause only where their provider answered (Sisimai's Rhost/MessageLabs and
    // Aol); MessageLabs also signs its replies ("please visit www.messagelabs.com/support").
    private static readonly (string[] Provider, string Phrase, string Reason)[] AnsweredPhrases =
    [
        (ProviderHosts.MessageLabs, "connection rejected by policy", BadReputation),
        (ProviderHosts.MessageLabs, "too many messages", TooManyConn), // "460 too many messages (#4.3.0)"
        (ProviderHosts.Aol, "malformed or unexpected name server reply", NotAccept),
    ];

    private static bool Answered(string[] provider, ReadOnlySpan<char> host, string? recipient, string text) =>
        ProviderHosts.Answered(provider, host, recipient)
        || provider == ProviderHosts.MessageLabs && text.Contains("messagelabs.com", StringComparison.Ordinal);

    // i.ua: the error page it links to ("http://mail.i.ua/err/3/") is the code.
    [GeneratedRegex(@"\.i\.ua/err/(?<code>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex Iua();

    private static readonly Dictionary<string, string> IuaCodes = new()
    {
        ["1"] = NoRelaying, ["2"] = UserUnknown, ["3"] = Suspend, ["4"] = MailboxFull, ["5"] = TooManyConn, ["6"] = NoRelaying,
        ["7"] = Blocked, ["8"] = Rejected, ["9"] = Blocked, ["10"] = Filtered,
    };

    // KDDI (au) names the address when it does not exist ("550 <a@ezweb.ne.jp>: User unknown") and leaves it out
    // when the recipient's own filter refused the sender ("550 : User unknown").
    private static string? Kddi(string text) =>
        !text.Contains("ezweb.ne.jp", StringComparison.Ordinal) && !text.Contains("@au.com", StringComparison.Ordinal) ? null
        : text.Contains(">: user unknown", StringComparison.Ordinal) ? UserUnknown
        : text.Contains(" : user unknown", StringComparison.Ordinal) || text.Contains(": : user unknown", StringComparison.Ordinal) ? Filtered
        : null;

    private static string? Tencent(string text, ReadOnlySpan<char> host, string? recipient) =>
        !text.AsSpan().ContainsAny(TencentWords) && !ProviderHosts.Answered(ProviderHosts.Tencent, host, recipient) ? null
        : Array.Find(TencentPhrases, p => text.Contains(p.Phrase, StringComparison.Ordinal)).Reason
        ?? (text.Contains("mail.qq.com", StringComparison.Ordinal) || ProviderHosts.Answered(ProviderHosts.Tencent, host, recipient)
            ? Array.Find(TencentSignedPhrases, p => text.Contains(p.Phrase, StringComparison.Ordinal)).Reason : null);

    // NTT docomo answers "550 Unknown user" after DATA when the recipient's own rules refuse the sender.
    private static string? Docomo(string text, string? dsn, string? command) =>
        !text.Contains("docomo", StringComparison.Ordinal) ? null
        : dsn is "5.1.1" ? UserUnknown
        : dsn is "5.2.0" ? Filtered
        : text.Contains("552 too much mail data", StringComparison.Ordinal) ? MailboxFull
        : text.Contains("552 too many recipients", StringComparison.Ordinal) ? TooManyConn
        : text.Contains("503 bad sequence of commands", StringComparison.Ordinal)
            || text.Contains("504 command parameter not implemented", StringComparison.Ordinal) ? SyntaxError
        : dsn is "5.0.0" && command == SmtpCommands.Rcpt ? UserUnknown
        : dsn is "5.0.0" && command == SmtpCommands.Data ? Rejected
        : null;

    /// <summary>The reason a provider's code in <paramref name="text"/> names, or null when there is none.</summary>
    /// <param name="dsn">The status code, which some providers' rules read along with the text.</param>
    /// <param name="command">The refused SMTP command, likewise.</param>
    /// <param name="remoteHost">The host that answered, if known: Yahoo's codes and GoDaddy's words count only where they answered (<see cref="ProviderHosts"/>).</param>
    /// <param name="recipient">The recipient's address, if known: its domain may name the provider too.</param>
    public static string? ReasonOf(string text, string? dsn = null, string? command = null, string? remoteHost = null, string? recipient = null)
    {
        // Plain searches first: most texts carry no provider code, and then no pattern runs.
        var host = ProviderHosts.HostOf(remoteHost, text);
        if (text.Contains("aup#", StringComparison.Ordinal)) return Lookup(Cox(), CoxCodes, text) ?? SpectrumReason(text);
        if (ProviderHosts.Answered(ProviderHosts.Cox, host, recipient)
            && Array.Find(CoxPhrases, p => text.Contains(p.Phrase, StringComparison.Ordinal)) is { Reason: { } byCoxText }) return byCoxText;
        if (text.Contains(" ib", StringComparison.Ordinal) && Lookup(GoDaddy(), GoDaddyCodes, text) is { } byGoDaddy) return byGoDaddy;
        if (ProviderHosts.Answered(ProviderHosts.GoDaddy, host, recipient)
            && Array.Find(GoDaddyPhrases, p => text.Contains(p.Phrase, StringComparison.Ordinal)) is { Reason: { } byGoDaddyText }) return byGoDaddyText;
        if (text.Contains('[') && ProviderHosts.Answered(ProviderHosts.Yahoo, host, recipient) && Lookup(Yahoo(), YahooCodes, text) is { } byYahoo) return byYahoo;
        if (text.Contains("i.ua/err/", StringComparison.Ordinal) && Lookup(Iua(), IuaCodes, text) is { } byIua) return byIua;
        if (text.Contains("delivery error: dd ", StringComparison.Ordinal)
            && Array.Find(YahooDeliveryErrors, p => text.Contains(p.Phrase, StringComparison.Ordinal)) is { Reason: { } byYahooText }) return byYahooText;
        if (Kddi(text) is { } byKddi) return byKddi;
        if (Tencent(text, host, recipient) is { } byTencent) return byTencent;
        if (Docomo(text, dsn, command) is { } byDocomo) return byDocomo;
        if ((Array.Exists(MimecastSigns, sign => text.Contains(sign, StringComparison.Ordinal)) || ProviderHosts.Answered(ProviderHosts.Mimecast, host, recipient))
            && Array.Find(MimecastPhrases, p => text.Contains(p.Phrase, StringComparison.Ordinal)) is { Reason: { } byMimecast }) return byMimecast;
        foreach (var (provider, phrase, reason) in AnsweredPhrases)
        {
            if (text.Contains(phrase, StringComparison.Ordinal) && Answered(provider, host, recipient, text)) return reason;
        }
        return text.AsSpan().ContainsAny(LaPosteOrangePrefixes) ? Lookup(LaPosteOrange(), LaPosteOrangeCodes, text) : null;
    }

    private static string? Lookup(Regex pattern, Dictionary<string, string> codes, string text) =>
        pattern.Match(text) is { Success: true } m && codes.TryGetValue(m.Groups["code"].Value, out var reason) ? reason : null;

    private static string? SpectrumReason(string text)
    {
        if (Spectrum().Match(text) is not { Success: true } m) return null;
        var code = int.Parse(m.Groups["code"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        if (SpectrumCodes.TryGetValue(code, out var reason)) return reason;
        foreach (var (first, last, rangeReason) in SpectrumRanges)
        {
            if (code >= first && code <= last) return rangeReason;
        }
        return null;
    }
}
