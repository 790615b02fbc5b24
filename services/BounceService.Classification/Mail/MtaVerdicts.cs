namespace BounceService.Classification.Mail;

/// <summary>
/// Sending MTAs that give a server's reply their own verdict, recognised by the marker line of their report, as
/// Sisimai's Lhost modules read them (BSD 2-Clause, see NOTICE.md). Without the MTA a reply like "550 Unknown
/// user a@b" that names no SMTP command reads as a filter's (Sisimai's Filtered); these MTAs say the address is unknown.
/// </summary>
internal static class MtaVerdicts
{
    // Marker compared case-insensitively with the notification text; phrase looked for in the prepared diagnostic.
    private static readonly (string Marker, string Phrase, string Reason)[] Table =
    [
        // McAfee Email Gateway (Lhost/McAfee.pm)
        ("--- The following addresses had delivery problems ---", "550 unknown user ", Reasons.UserUnknown),
        ("--- The following addresses had delivery problems ---", ") unknown. ", Reasons.UserUnknown), // "User (a@b) unknown."
        ("--- The following addresses had delivery problems ---", "... user not exist", Reasons.UserUnknown),
        ("--- The following addresses had delivery problems ---", "no such user", Reasons.UserUnknown),
        // InterScan MSS (Lhost/InterScanMSS.pm): its own "Unable to deliver message to <a@b>." where no reply is quoted
        ("Unable to deliver message to <", "unable to deliver message to <", Reasons.UserUnknown),
    ];

    /// <summary>The reason the MTA whose report <paramref name="notification"/> is gives <paramref name="diagnostic"/>, or null.</summary>
    public static string? ReasonOf(string notification, string? diagnostic)
    {
        if (string.IsNullOrEmpty(diagnostic)) return null;
        string? prepared = null;
        foreach (var (marker, phrase, reason) in Table)
        {
            if (!notification.Contains(marker, StringComparison.OrdinalIgnoreCase)) continue;
            prepared ??= TextRules.Prepare(diagnostic);
            if (prepared.Contains(phrase, StringComparison.Ordinal)) return reason;
        }
        return null;
    }

    /// <summary><paramref name="findings"/> with the verdicts of the MTA that wrote <paramref name="notification"/>.</summary>
    public static List<Finding> Apply(List<Finding> findings, string notification) =>
        findings.Select(f => ReasonOf(notification, f.Diagnostic) is { } reason ? f with { MtaReason = reason } : f).ToList();
}
