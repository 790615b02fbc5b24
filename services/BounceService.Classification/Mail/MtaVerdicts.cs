using System.Buffers;
using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>
/// The one place for a sending MTA's own rules, as Sisimai's Lhost modules read them (BSD 2-Clause, see NOTICE.md):
/// verdicts it gives a server's reply, recognised by a marker in its text or its From header, and verdicts its own
/// headers give (au's). Without the MTA a reply like "550 Unknown user a@b" that names no SMTP command reads as a
/// filter's (Sisimai's Filtered); these MTAs say the address is unknown. Elsewhere by design: phrases any MTA's text
/// may hold (<see cref="MtaPhrases"/>), receiving servers' codes (<see cref="ProviderCodes"/>), providers' categories
/// (<see cref="ProviderLabels"/>); MailReader reads only a report's structure (and Exim's notice, which is structure).
/// </summary>
internal static class MtaVerdicts
{
    private const string McAfee = "--- The following addresses had delivery problems ---";
    private const string MessageLabs = "@messagelabs.com";
    private const string Aol = "mailer-daemon@aol.com";
    private const string Verizon = "@vtext.com";
    private const string VerizonPictures = "vzwpix.com";

    // Marker: compared case-insensitively with the notification text and the report's From header (rows of one
    // MTA share it). Pieces: looked for in this order in the prepared diagnostic.
    private static readonly (string Marker, string[] Pieces, string Reason)[] Table =
    [
        // McAfee Email Gateway (Lhost/McAfee.pm)
        (McAfee, ["550 unknown user "], Reasons.UserUnknown),
        (McAfee, ["user (", ") unknown. "], Reasons.UserUnknown),
        (McAfee, ["... user not exist"], Reasons.UserUnknown),
        (McAfee, ["no such user"], Reasons.UserUnknown),
        // MessageLabs, Symantec.cloud (Lhost/MessageLabs.pm): "542 a@b Rejected"
        (MessageLabs, ["542 ", " rejected"], Reasons.UserUnknown),
        (MessageLabs, ["no such user"], Reasons.UserUnknown),
        // Aol's outbound relays (Lhost/Aol.pm): a broken MX answer for the recipient's domain is its verdict of no mail there
        (Aol, ["type=mx: malformed or unexpected name server reply"], Reasons.NotAccept),
        (Aol, ["host or domain name not found"], Reasons.HostUnknown),
        // Aol's notice that its members refuse the mail (ScreenNameNotice): their own setting, not a dead mailbox; mail
        // with attachments or images refused, as Sisimai reads "the recipient is not accepting mail with" (ReasonPhrases)
        (Aol, ["are not accepting mail from "], Reasons.Filtered),
        (Aol, ["are not accepting mail with "], Reasons.PolicyViolation),
        // Verizon's SMS/MMS gateways (Lhost/Verizon.pm): the reply they quote names an unknown user, whatever follows
        (Verizon, ["550 - requested action not taken: no such user here"], Reasons.UserUnknown),
        (VerizonPictures, ["no valid recipients for this mm"], Reasons.UserUnknown),
        // InterScan MSS (Lhost/InterScanMSS.pm): its own "Unable to deliver message to <a@b>." where no reply is quoted
        ("Unable to deliver message to <", ["unable to deliver message to <"], Reasons.UserUnknown),
    ];

    // All markers in one vectorised pass: most reports carry none, and need no search per marker.
    private static readonly SearchValues<string> Markers = SearchValues.Create([.. Table.Select(row => row.Marker).Distinct()], StringComparison.OrdinalIgnoreCase);

    // au (KDDI, EZweb), as Sisimai's Lhost/EZweb.pm reads it: its header mark on the bounce of a message the
    // recipient's spam filter refused, its postmasters and its own subscribers' domains.
    private const string AuSpamFilterMark = "X-SPASIGN";
    private static readonly string[] AuPostmasters = ["postmaster@ezweb.ne.jp", "postmaster@au.com"];
    private static readonly string[] AuDomains = ["@ezweb.ne.jp", "@au.com"];

    /// <summary><paramref name="findings"/> with the verdicts of the MTA that sent the report, if it is one of those known here.</summary>
    public static List<Finding> Apply(List<Finding> findings, string notification, MailHeaders headers)
    {
        var sender = headers[HeaderId.From];
        return ByAuHeaders(ByMarkers(findings, notification, sender), headers, sender);
    }

    // Each marker is looked for once per report; most reports carry none and are returned as they are.
    private static List<Finding> ByMarkers(List<Finding> findings, string notification, string? sender)
    {
        if (!notification.AsSpan().ContainsAny(Markers) && sender?.AsSpan().ContainsAny(Markers) != true) return findings;
        List<(string[] Pieces, string Reason)>? rules = null;
        string? marker = null;
        var carried = false;
        foreach (var row in Table)
        {
            if (row.Marker != marker)
                (marker, carried) = (row.Marker, notification.Contains(row.Marker, StringComparison.OrdinalIgnoreCase)
                    || sender?.Contains(row.Marker, StringComparison.OrdinalIgnoreCase) == true);
            if (carried) (rules ??= []).Add((row.Pieces, row.Reason));
        }
        return rules is null ? findings : findings.Select(f => ReasonOf(rules, f.Diagnostic) is { } reason ? f with { MtaReason = reason } : f).ToList();
    }

    // A marker's verdict above stands: au's rules decide only where none was given.
    private static List<Finding> ByAuHeaders(List<Finding> findings, MailHeaders headers, string? sender)
    {
        // The recipient's spam filter refused it; the mark stays the recipient's label for whoever reads the event.
        if (headers[AuSpamFilterMark] is { } mark && mark.Trim().Equals("NG", StringComparison.OrdinalIgnoreCase))
            return findings.Select(f => f with { Label = f.Label ?? $"{AuSpamFilterMark}: NG", MtaReason = f.MtaReason ?? Reasons.Filtered }).ToList();
        // au words its own subscribers' failures; an address outside its domains that it names without a reason was
        // refused by the other server, an unknown user.
        if (Array.Exists(AuPostmasters, p => sender?.Contains(p, StringComparison.OrdinalIgnoreCase) == true))
            return findings.Select(f => f.MtaReason is null && !Array.Exists(AuDomains, d => f.Recipient.EndsWith(d, StringComparison.OrdinalIgnoreCase))
                && !MailReader.TextSaysWhy(f.Diagnostic) && MtaPhrases.ReasonOf(TextRules.Prepare(f.Diagnostic)) is null ? f with { MtaReason = Reasons.UserUnknown } : f).ToList();
        return findings;
    }

    private static string? ReasonOf(List<(string[] Pieces, string Reason)> rules, string? diagnostic)
    {
        if (string.IsNullOrEmpty(diagnostic)) return null;
        var prepared = TextRules.Prepare(diagnostic);
        foreach (var (pieces, reason) in rules)
        {
            if (ReasonPhrases.InOrder(prepared, pieces)) return reason;
        }
        return null;
    }
}
