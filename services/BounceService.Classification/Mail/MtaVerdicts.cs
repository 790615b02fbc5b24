namespace BounceService.Classification.Mail;

/// <summary>
/// Sending MTAs that give a server's reply their own verdict, recognised by a marker of their report, as
/// Sisimai's Lhost modules read them (BSD 2-Clause, see NOTICE.md). Without the MTA a reply like "550 Unknown
/// user a@b" that names no SMTP command reads as a filter's (Sisimai's Filtered); these MTAs say the address is unknown.
/// </summary>
internal static class MtaVerdicts
{
    private const string McAfee = "--- The following addresses had delivery problems ---";

    // Marker: compared case-insensitively with the notification text and the report's From header. Pieces:
    // looked for in this order in the prepared diagnostic.
    private static readonly (string Marker, string[] Pieces, string Reason)[] Table =
    [
        // McAfee Email Gateway (Lhost/McAfee.pm)
        (McAfee, ["550 unknown user "], Reasons.UserUnknown),
        (McAfee, ["user (", ") unknown. "], Reasons.UserUnknown),
        (McAfee, ["... user not exist"], Reasons.UserUnknown),
        (McAfee, ["no such user"], Reasons.UserUnknown),
        // MessageLabs, Symantec.cloud (Lhost/MessageLabs.pm): "542 a@b Rejected"
        ("@messagelabs.com", ["542 ", " rejected"], Reasons.UserUnknown),
        ("@messagelabs.com", ["no such user"], Reasons.UserUnknown),
        // InterScan MSS (Lhost/InterScanMSS.pm): its own "Unable to deliver message to <a@b>." where no reply is quoted
        ("Unable to deliver message to <", ["unable to deliver message to <"], Reasons.UserUnknown),
    ];

    /// <summary>The reason the MTA that sent the report gives <paramref name="diagnostic"/>, or null.</summary>
    public static string? ReasonOf(string notification, string? sender, string? diagnostic)
    {
        if (string.IsNullOrEmpty(diagnostic)) return null;
        string? prepared = null;
        foreach (var (marker, pieces, reason) in Table)
        {
            if (!notification.Contains(marker, StringComparison.OrdinalIgnoreCase)
                && sender?.Contains(marker, StringComparison.OrdinalIgnoreCase) != true) continue;
            prepared ??= TextRules.Prepare(diagnostic);
            if (InOrder(prepared, pieces)) return reason;
        }
        return null;
    }

    /// <summary><paramref name="findings"/> with the verdicts of the MTA that sent the report.</summary>
    public static List<Finding> Apply(List<Finding> findings, string notification, string? sender) =>
        findings.Select(f => ReasonOf(notification, sender, f.Diagnostic) is { } reason ? f with { MtaReason = reason } : f).ToList();

    private static bool InOrder(string text, string[] pieces)
    {
        var from = 0;
        foreach (var piece in pieces)
        {
            var at = text.IndexOf(piece, from, StringComparison.Ordinal);
            if (at < 0) return false;
            from = at + piece.Length;
        }
        return true;
    }
}
