using static BounceService.Classification.Reasons;

namespace BounceService.Classification;

/// <summary>
/// Gmail's and Google Workspace's own replies, each with the status code it comes with: Google words a cause
/// precisely ("very low reputation of the sending IP address") under codes that say little (4.7.0, 5.7.1). Read
/// only in a reply that Google signs ("gsmtp", a google.com help link). Ported from Sisimai's
/// <c>Rhost/Google.pm</c> (BSD 2-Clause, see NOTICE.md); lower case, matched in prepared text.
/// </summary>
internal static class GmailReplies
{
    private static readonly (string Status, string Phrase, string Reason)[] Table =
    [
        ("4.7.24", "the spf record of the sending domain", AuthFailure), ("5.7.24", "the spf record of the sending domain", AuthFailure),
        ("4.7.26", "senders to authenticate with either spf or dkim", AuthFailure),
        ("5.7.26", "senders to authenticate with either spf or dkim", AuthFailure),
        ("5.7.26", "fails to pass spf checks for an spf record with a hard fail", AuthFailure),
        ("5.7.26", "has an spf record with a hard fail policy", AuthFailure),
        ("4.7.26", "is not accepted due to domain's dmarc policy", AuthFailure),
        ("5.7.26", "is not accepted due to domain's dmarc policy", AuthFailure),
        ("5.7.1", "fails to pass authentication checks", AuthFailure), ("5.7.26", "fails to pass authentication checks", AuthFailure),
        ("4.7.27", "senders to authenticate with spf", AuthFailure), ("4.7.27", "senders to authenticate their email with spf", AuthFailure),
        ("5.7.27", "senders to authenticate with spf", AuthFailure), ("4.7.30", "senders to authenticate their email with dkim", AuthFailure),
        ("5.7.30", "senders to authenticate with dkim", AuthFailure), ("4.7.32", "aligned with either the authenticated spf or dkim", AuthFailure),
        ("4.7.0", "very low reputation of the sending ip address", BadReputation),
        ("4.7.0", "very low reputation of the sending domain", BadReputation),
        ("5.7.1", "due to the very low reputation of the sending ip address", BadReputation),
        ("5.7.1", "due to the very low reputation of the sending domain", BadReputation),
        ("4.7.0", "ip not in whitelist for rcpt domain", Blocked), ("4.7.0", "try again later, closing connection.", Blocked),
        ("5.5.4", "empty helo/ehlo argument not allowed", Blocked), ("5.5.4", "helo/ehlo argument is invalid", Blocked),
        ("4.7.0", "an unusual rate of unsolicited mail", Blocked), ("4.7.28", "an unusual rate of mail", Blocked),
        ("5.7.1", "an unusual rate of unsolicited mail", Blocked), ("5.7.28", "an unusual rate of unsolicited mail", Blocked),
        ("5.2.3", "exceeded google's message size limits", ExceedLimit), ("5.3.4", "exceeds google's limit of limit attachments.", ExceedLimit),
        ("5.3.4", "your message exceeded google's message header size limits", ExceedLimit),
        ("5.3.4", "bytes per individual header size", ExceedLimit), ("5.3.4", "exceeds google's header name limit of", ExceedLimit),
        ("5.3.4", "exceeds google's message header size limit", ExceedLimit),
        ("4.7.0", "connection expired", Expired), ("4.4.2", "timeout - closing connection", Expired),
        ("5.7.0", "must issue a starttls command first", SecurityError), ("5.5.1", "starttls may not be repeated", SecurityError),
        ("4.7.0", "tls required for rcpt domain", SecurityError), ("4.7.29", "senders to use tls/ssl for smtp", SecurityError),
        ("5.7.29", "senders to use tls/ssl for smtp", SecurityError),
        ("4.2.2", "inbox is out of storage space", MailboxFull), ("5.2.2", "inbox is out of storage space and inactive", MailboxFull),
        ("4.2.2", "is over quota", MailboxFull), ("5.2.2", "is over quota", MailboxFull), ("5.7.1", "email quota exceeded", MailboxFull),
        ("5.3.4", "exceeded google's message size limits", MesgTooBig), ("5.3.4", "exceeds google's message size limit of", MesgTooBig),
        ("5.4.6", "message exceeded 50 hops", NetworkError), ("5.6.0", "message exceeded 50 hops", NetworkError),
        ("5.7.0", "mail relay denied", NoRelaying), ("5.7.1", "invalid credentials for relay", NoRelaying),
        ("5.7.1", "is not authorized to send email directly to our servers", NoRelaying),
        ("5.7.1", "missing a valid address in the from: header", NotCompliantRfc),
        ("5.7.1", "multiple addresses in from: header are not accepted", NotCompliantRfc),
        ("5.7.1", "is not rfc 5322 compliant", NotCompliantRfc), ("5.7.1", "missing a valid message-id: header", NotCompliantRfc),
        ("5.7.1", "contains a unicode character in a disallowed header", NotCompliantRfc),
        ("5.7.1", "encoded-word syntax is not permitted", NotCompliantRfc), ("5.1.7", "is not a valid rfc 5321 address", NotCompliantRfc),
        ("5.6.0", "mail message is malformed", NotCompliantRfc),
        ("5.7.0", "illegal attachment on your message", PolicyViolation),
        ("5.7.0", "blocked because its content presents a potential security issue", PolicyViolation),
        ("5.7.1", "you are sending to (or from) has a policy that prohibited", PolicyViolation),
        ("4.7.28", "sending messages with the same message-id:", PolicyViolation),
        ("5.7.0", "mail sending denied", Rejected), ("5.7.1", "unauthenticated email is not accepted", Rejected),
        ("4.7.0", "does not have a ptr record", RequirePtr), ("4.7.23", " have a ptr record, or the ptr record", RequirePtr),
        ("5.7.1", "does not meet ipv6 sending guidelines regarding ptr records and authentication", RequirePtr),
        ("5.7.25", "does not have a ptr record", RequirePtr), ("5.7.25", "does not match the ip address of the hostname", RequirePtr),
        ("4.7.0", "too many login attempts", SecurityError), ("5.5.2", "cannot decode response", SecurityError),
        ("5.7.0", "no identity changes permitted", SecurityError), ("5.5.1", "authentication required.", SecurityError),
        ("5.7.0", "authentication required.", SecurityError), ("5.7.1", "application-specific password required", SecurityError),
        ("5.7.9", "application-specific password required", SecurityError), ("5.7.1", "please log in with your web browser", SecurityError),
        ("5.7.9", "please log in with your web browser", SecurityError), ("5.7.14", "please log in through your web browser", SecurityError),
        ("5.7.1", "username and password not accepted", SecurityError), ("5.7.8", "username and password not accepted", SecurityError),
        ("4.7.0", "due to the nature of the content or the links within", SpamDetected), ("5.7.1", "likely unsolicited mail", SpamDetected),
        ("4.2.1", "is receiving mail too quickly", Speeding), ("4.2.1", "peak smtp relay limit exceeded for customer", Speeding),
        ("4.2.1", "rate that prevents additional messages from being delivered", Speeding),
        ("5.2.1", "rate that prevents additional messages from being delivered", Speeding),
        // Rhost/Google.pm's 5.4.5 rows (the sender's own daily quota) are left out: Sisimai reads that table only
        // for Google's receiving MX, which never writes them, so it leaves such a report on hold.
        ("5.7.1", "daily smtp relay limit exceeded for", Speeding),
        ("5.7.1", "daily smtp relay sending limit exceeded for", Speeding), ("5.7.1", "this mail has been rate limited", Speeding),
        ("5.2.1", "account that you tried to reach is disabled", Suspend), ("5.2.1", "account that you tried to reach is inactive", Suspend),
        ("4.5.0", "smtp protocol violation", SyntaxError), ("5.7.10", "smtp protocol violation", SyntaxError),
        ("5.5.4", "optional argument not permitted", SyntaxError), ("5.7.11", "syntax error", SyntaxError), ("5.5.2", "syntax error", SyntaxError),
        ("5.5.1", "too many unrecognized commands, goodbye", SyntaxError), ("5.5.1", "unimplemented command", SyntaxError),
        ("5.5.1", "unrecognized command", SyntaxError), ("5.5.1", "bad sequence of commands", SyntaxError),
        ("5.5.1", "ehlo/helo first", SyntaxError), ("5.5.1", "mail first", SyntaxError), ("5.5.1", "rcpt first", SyntaxError),
        ("5.5.1", "no data after bdat", SyntaxError), ("5.7.4", "unrecognized authentication type", SyntaxError),
        ("5.7.4", "xoauth is no longer supported", SyntaxError), ("5.7.0", "too many unauthenticated commands", SyntaxError),
        ("4.3.0", "temporary system problem", SystemError), ("4.7.0", "temporary system problem", SystemError),
        ("4.4.5", "server busy", SystemError), ("4.3.0", "multiple destination domains per transaction is unsupported", SystemError),
        ("4.3.0", "mail server has temporarily rejected this message", SystemError),
        ("4.3.0", "mail server temporarily rejected message", SystemError), ("4.5.3", "domain policy size per transaction exceeded", SystemError),
        ("4.7.0", "cannot authenticate due to temporary system problem", SystemError),
        ("4.5.3", "your message has too many recipients", TooManyConn), ("5.5.3", "too many recipients for this sender", TooManyConn),
        ("5.1.1", "the email account that you tried to reach does not exist", UserUnknown),
        ("5.1.2", "we weren't able to find the recipient domain", UserUnknown),
        ("5.1.3", "is not a valid rfc 5321 address", UserUnknown),
    ];

    /// <summary>The reason Google's reply in <paramref name="text"/> (prepared) gives with <paramref name="dsn"/>, or null.</summary>
    public static string? ReasonOf(string text, string? dsn)
    {
        if (dsn is null || !text.Contains("gsmtp", StringComparison.Ordinal) && !text.Contains("google.com", StringComparison.Ordinal)) return null;
        foreach (var (status, phrase, reason) in Table)
        {
            if (status == dsn && text.Contains(phrase, StringComparison.Ordinal)) return reason;
        }
        return null;
    }
}
