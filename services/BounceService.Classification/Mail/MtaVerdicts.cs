using System.Buffers;

namespace BounceService.Classification.Mail;

/// <summary>
/// Sending MTAs that give a server's reply their own verdict, recognised by a marker of their report, as
/// Sisimai's Lhost modules read them (BSD 2-Clause, see NOTICE.md). Without the MTA a reply like "550 Unknown
/// user a@b" that names no SMTP command reads as a filter's (Sisimai's Filtered); these MTAs say the address is unknown.
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
        // Verizon's SMS/MMS gateways (Lhost/Verizon.pm): the reply they quote names an unknown user, whatever follows
        (Verizon, ["550 - requested action not taken: no such user here"], Reasons.UserUnknown),
        (VerizonPictures, ["no valid recipients for this mm"], Reasons.UserUnknown),
        // InterScan MSS (Lhost/InterScanMSS.pm): its own "Unable to deliver message to <a@b>." where no reply is quoted
        ("Unable to deliver message to <", ["unable to deliver message to <"], Reasons.UserUnknown),
    ];

    // All markers in one vectorised pass: most reports carry none, and need no search per marker.
    private static readonly SearchValues<string> Markers = SearchValues.Create([.. Table.Select(row => row.Marker).Distinct()], StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="findings"/> with the verdicts of the MTA that sent the report, if it is one of the table's.</summary>
    /// <remarks>Each marker is looked for once per report; most reports carry none and are returned as they are.</remarks>
    public static List<Finding> Apply(List<Finding> findings, string notification, string? sender)
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
