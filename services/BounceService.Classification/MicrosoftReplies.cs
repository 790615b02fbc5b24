using static BounceService.Classification.Reasons;
using Row = (string Status, int First, int Last, string Phrase, string Reason);

namespace BounceService.Classification;

/// <summary>
/// Exchange Server's and Exchange Online's (Microsoft 365, Outlook.com) own replies, each with the status code it
/// comes with: Microsoft's codes are many (5.7.504, 5.7.606-649, 4.7.650, ...) and its wording pins the cause.
/// A code alone or a phrase alone is not enough; both must match. Ported from Sisimai's
/// <c>Rhost/Microsoft.pm</c> (BSD 2-Clause, see NOTICE.md); lower case, matched in prepared text.
/// </summary>
internal static class MicrosoftReplies
{
    // Status "X.Y." with a detail range (First..Last), or an exact status with First = Last = 0.
    private static readonly Row[] Table =
    [
        ("4.7.26", 0, 0, "must pass either spf or dkim validation, this message is not signed", AuthFailure),
        ("4.7.323", 0, 0, "tlsa-invalid: the domain failed dane validation", AuthFailure),
        ("5.7.323", 0, 0, "tlsa-invalid: the domain failed dane validation", AuthFailure),
        ("4.7.324", 0, 0, "dnssec-invalid: destination domain returned invalid dnssec records", AuthFailure),
        ("5.7.324", 0, 0, "dnssec-invalid: destination domain returned invalid dnssec records", AuthFailure),
        ("4.7.325", 0, 0, "certificate-host-mismatch: remote certificate must have a common name", AuthFailure),
        ("5.7.325", 0, 0, "certificate-host-mismatch: remote certificate must have a common name", AuthFailure),
        ("5.7.23", 0, 0, "the message was rejected because of sender policy framework violation", AuthFailure),
        ("5.7.322", 0, 0, "certificate-expired: destination mail server's certificate is expired", AuthFailure),
        ("5.7.509", 0, 0, "does not pass dmarc verification", AuthFailure),
        ("4.7.650", 0, 0, "has been temporarily rate limited due to ip reputation", BadReputation),
        ("4.4.2", 0, 0, "connection dropped", Blocked), ("4.7.", 850, 899, "access denied, please try again later", Blocked),
        ("5.7.25", 0, 0, "must have a reverse dns record", Blocked), ("5.7.506", 0, 0, "access denied, bad helo", Blocked),
        ("5.7.507", 0, 0, "access denied, rejected by recipient", Blocked), ("5.7.510", 0, 0, "does not accept email over ipv6", Blocked),
        ("5.7.511", 0, 0, "access denied, banned sender", Blocked), ("5.7.513", 0, 0, "using customer block list", Blocked),
        ("5.7.", 606, 649, "access denied, banned sending ip ", Blocked), ("4.7.", 500, 699, "access denied, please try again later", Blocked),
        ("5.5.4", 0, 0, "invalid domain name", Blocked),
        ("5.7.51", 0, 0, "restrictdomainstoipaddresses or restrictdomainstocertificate", Blocked),
        ("5.7.1", 0, 0, "part of their network is on our block list (s3150)", Blocked),
        ("5.3.0", 0, 0, "too many related errors", ContentError), ("5.6.11", 0, 0, "invalid characters", ContentError),
        ("5.4.11", 0, 0, "agent generated message depth exceeded", ContentError), ("5.5.6", 0, 0, "invalid message content", ContentError),
        ("5.2.3", 0, 0, "resolver.rst.recipsizelimit; message too large for this recipient", MesgTooBig), // design: mesgtoobig
        ("4.4.1", 0, 0, "connection timed out", Expired), ("4.4.7", 0, 0, "message delayed", Expired),
        ("4.4.7", 0, 0, "message expired", Expired), ("5.4.300", 0, 0, "message expired", Expired),
        ("5.2.2", 0, 0, "mailbox full", MailboxFull),
        ("5.3.4", 0, 0, "message size exceeds fixed maximum message size", MesgTooBig), ("5.3.4", 0, 0, "message too big for system", MesgTooBig),
        ("5.4.4", 0, 0, "smtpsend.dns.nonexistentdomain; nonexistent domain", NetworkError),
        ("5.4.6", 0, 0, "hop count exceeded - possible mail loop", NetworkError), ("4.4.316", 0, 0, "connection refused", NetworkError),
        ("5.4.4", 0, 0, "invalid arguments", NetworkError), ("5.4.6", 0, 0, "routing loop detected", NetworkError),
        ("5.4.14", 0, 0, "routing loop detected", NetworkError),
        ("5.7.1", 0, 0, "unable to relay", NoRelaying), ("5.7.1", 0, 0, "client was not authenticated", NoRelaying),
        ("5.4.1", 0, 0, "relay access denied", NoRelaying), ("5.7.64", 0, 0, "tenantattribution; relay access denied", NoRelaying),
        ("5.4.310", 0, 0, "does not exist", NoRelaying),
        ("4.3.2", 0, 0, "system not accepting network messages", NotAccept),
        ("5.3.2", 0, 0, "storedrv.deliver: missing or bad storedriver mdb properties", NotAccept),
        ("5.0.350", 0, 0, "x-dg-ref header is too long", PolicyViolation),
        ("5.0.350", 0, 0, "requested action not taken: policy violation detected (as345)", PolicyViolation),
        ("5.7.", 900, 999, "delivery not authorized, message refused", PolicyViolation),
        ("5.1.7", 0, 0, "invalid address", Rejected), ("5.1.7", 0, 0, "unknown sender address", Rejected),
        ("5.1.0", 0, 0, "sender denied", Rejected), ("5.1.8", 0, 0, "access denied, bad outbound sender", Rejected),
        ("5.7.1", 0, 0, "delivery not authorized", Rejected), ("5.7.12", 0, 0, "sender was not authenticated by organization", Rejected),
        ("5.7.124", 0, 0, "sender not in allowed-senders list", Rejected), ("5.7.133", 0, 0, "sender not authenticated for group", Rejected),
        ("5.7.134", 0, 0, "sender was not authenticated for mailbox", Rejected),
        ("5.7.13", 0, 0, "sender was not authenticated for public folder", Rejected),
        ("5.7.135", 0, 0, "sender was not authenticated for public folder", Rejected),
        ("5.7.136", 0, 0, "sender was not authenticated", Rejected), ("5.7.", 501, 503, "access denied, spam abuse detected", Rejected),
        ("5.7.512", 0, 0, "access denied, message must be rfc 5322 section 3.6.2 compliant", Rejected),
        ("5.7.750", 0, 0, "service unavailable. client blocked from sending from unregistered domains", Rejected),
        ("5.7.", 501, 503, "access denied, banned sender", Rejected),
        ("5.7.3", 0, 0, "cannot achieve exchange server authentication", SecurityError), ("5.7.3", 0, 0, "not authorized", SecurityError),
        ("4.4.317", 0, 0, "starttls is required to send mail", SecurityError), ("5.4.317", 0, 0, "starttls is required to send mail", SecurityError),
        ("4.7.321", 0, 0, "starttls-not-supported: destination mail server must support tls to receive mail", SecurityError),
        ("5.7.321", 0, 0, "starttls-not-supported: destination mail server must support tls to receive mail", SecurityError),
        ("5.7.57", 0, 0, "client was not authenticated to send anonymous mail during mail from", SecurityError),
        ("5.2.1", 0, 0, "content filter agent quarantined this message", SpamDetected),
        ("4.3.2", 0, 0, "storedrv.deliver; recipient thread limit exceeded", Speeding),
        ("5.1.90", 0, 0, "you've reached your daily limit for message recipients", Speeding),
        ("5.2.2", 0, 0, "submission quota exceeded", Speeding),
        ("5.2.121", 0, 0, "recipient's per hour message receive limit from specific sender exceeded", Speeding),
        ("5.2.122", 0, 0, "recipient's per hour message receive limit exceeded", Speeding),
        ("5.7.508", 0, 0, "has exceeded permitted limits within", Speeding),
        ("5.7.", 700, 749, "access denied, tenant has exceeded threshold", Speeding),
        ("5.7.", 700, 749, "access denied, traffic not accepted from this ip", Speeding),
        ("5.7.504", 0, 0, "recipient address rejected: access denied", Suspend), ("5.7.505", 0, 0, "access denied, banned recipient", Suspend),
        ("5.2.1", 0, 0, "mailbox cannot be accessed", Suspend),
        ("5.3.3", 0, 0, "unrecognized command", SyntaxError), ("5.5.2", 0, 0, "send hello first", SyntaxError),
        ("4.3.2", 0, 0, "service not available", SystemError), ("4.3.2", 0, 0, "service not active", SystemError),
        ("5.3.5", 0, 0, "system incorrectly configured", SystemError),
        ("5.3.190", 0, 0, "journaling on-premises messages to microsoft 365 or office 365 not supported", SystemError),
        ("5.0.0", 0, 0, "helo / ehlo requires domain address", SystemError),
        ("5.1.4", 0, 0, "destination mailbox address ambiguous", SystemError), ("5.2.4", 0, 0, "mailing list expansion problem", SystemError),
        ("5.2.14", 0, 0, "misconfigured forwarding address", SystemError),
        ("4.4.3", 0, 0, "temporary server error. please try again later attr18", SystemError),
        ("4.7.0", 0, 0, "temporary server error. please try again later. prx4 nexthop:", SystemError),
        ("4.4.24", 0, 0, "message failed to be replicated: insufficient system resource:", SystemError),
        ("4.4.25", 0, 0, "message failed to be replicated: no healthy secondary server available", SystemError),
        ("4.4.28", 0, 0, "message failed to be replicated: the operation was canceled", SystemError),
        ("4.4.318", 0, 0, "(suspiciousremoteservererror)", SystemError), ("5.4.318", 0, 0, "(suspiciousremoteservererror)", SystemError),
        ("4.7.500", 0, 0, "server busy. please try again later from ", SystemError),
        ("4.7.700", 0, 0, "pfa agent busy, please try again.", SystemError),
        ("4.3.1", 0, 0, "insufficient system resources", SystemFull),
        ("5.5.3", 0, 0, "too many recipients", TooManyConn), ("4.5.3", 0, 0, "too many recipients", TooManyConn),
        ("5.2.122", 0, 0, "the recipient has exceeded their limit for", TooManyConn),
        ("5.1.1", 0, 0, "resolver.adr.exrecipnotfound; not found", UserUnknown), ("5.1.1", 0, 0, "user unknown", UserUnknown),
        ("5.1.3", 0, 0, "storedrv.submit; invalid recipient address", UserUnknown),
        ("5.1.", 4, 5, "recipient address reserved by rfc 2606", UserUnknown),
        ("5.1.6", 0, 0, "recipient addresses in single label domains not accepted", UserUnknown),
        ("5.1.1", 0, 0, "bad destination mailbox address", UserUnknown), ("5.1.10", 0, 0, "recipient not found", UserUnknown),
        ("5.4.1", 0, 0, "recipient address rejected: access denied", UserUnknown),
        ("5.5.0", 0, 0, "requested action not taken: mailbox unavailable", UserUnknown),
        ("5.1.2", 0, 0, "invalid x.400 address", UserUnknown),
    ];

    // The rows that can apply to each status the table names exactly, in table order (its own rows and the ranges
    // that take it in); a status outside them can only fall in a range. So a reply reads a few rows, not all.
    private static readonly Dictionary<string, Row[]> RowsByStatus =
        Table.Where(row => row.First == row.Last).Select(row => row.Status).Distinct()
            .ToDictionary(status => status, status => Table.Where(row => Applies(row, status, DetailOf(status))).ToArray());

    private static readonly Row[] Ranges =
        Table.Where(row => row.First != row.Last).ToArray();

    /// <summary>The reason Microsoft's reply in <paramref name="text"/> (prepared) gives with <paramref name="dsn"/>, or null.</summary>
    public static string? ReasonOf(string text, string? dsn)
    {
        if (dsn is null) return null;
        var detail = DetailOf(dsn);
        foreach (var row in RowsByStatus.TryGetValue(dsn, out var rows) ? rows : Ranges)
        {
            if (Applies(row, dsn, detail) && text.Contains(row.Phrase, StringComparison.Ordinal)) return row.Reason;
        }
        return null;
    }

    private static int DetailOf(string dsn) => int.TryParse(dsn.AsSpan(dsn.LastIndexOf('.') + 1), out var d) ? d : -1;

    private static bool Applies(Row row, string dsn, int detail) =>
        row.First == row.Last ? row.Status == dsn : dsn.StartsWith(row.Status, StringComparison.Ordinal) && detail >= row.First && detail <= row.Last;
}
