using BounceService.Contracts;

namespace BounceService.Classification;

/// <summary>
/// Classifies one outcome by the rules of design.md section 2: the enhanced code decides hard or soft first, then
/// the basic reply code, then the diagnostic text, then the provider's label. The reason follows Sisimai
/// (<see cref="ReasonOrder"/>); whose fault it is follows the design (<see cref="Reasons.ScopeOf"/>).
/// </summary>
public static class Classifier
{
    // Feedback types that report our message, not a person's complaint: an RFC 6591 authentication failure (SPF, DKIM
    // or DMARC) and RFC 5965's virus report (the receiver's scanner found one in our message).
    private static readonly string[] SenderSideReports = ["auth-failure", "virus"];

    // The feedback type is the ARF report's diagnostic, or a provider's label (SES's complaintFeedbackType).
    private static bool IsSenderSideReport(string? feedbackType) =>
        feedbackType?.Trim() is { } type && Array.Exists(SenderSideReports, r => r.Equals(type, StringComparison.OrdinalIgnoreCase));

    public static Classification Classify(BounceInput input)
    {
        // The codes in the text are searched for once: the status and the null-MX judgement below both use them.
        var bounce = input.EventType == EventTypes.Bounce;
        var enhancedInText = FailureOnly(SmtpStatusCodes.FindEnhanced(input.Diagnostic), bounce);
        var replyInText = FailureOnly(SmtpStatusCodes.FindReply(input.Diagnostic), bounce);
        var dsn = Enhanced(input.DsnCode, enhancedInText, FailureOnly(SmtpStatusCodes.FindServerEnhanced(input.Diagnostic), bounce));
        var smtp = input.SmtpCode ?? replyInText;

        switch (input.EventType)
        {
            // Nobody complained, so it is the sender's problem and unsubscribes no one.
            case EventTypes.Complaint when IsSenderSideReport(input.ProviderLabel) || IsSenderSideReport(input.Diagnostic):
                return new(BounceKinds.Undetermined, dsn, smtp, Reasons.Feedback, BounceScopes.Sender);
            case EventTypes.Complaint:
                return new(BounceKinds.Complaint, dsn, smtp, Reasons.Feedback, BounceScopes.Recipient);
            case EventTypes.Delivered:
                return new(BounceKinds.Delivered, dsn, smtp, Reasons.Delivered, BounceScopes.Recipient);
        }

        var text = TextRules.Prepare(input.Diagnostic);
        var (type, words) = TextRules.SplitType(text);
        var command = input.SmtpCommand ?? SmtpCommands.Find(input.Diagnostic);
        var said = ReasonPhrases.Read(words);
        var reason = ReasonOrder.Find(new(dsn, smtp, words, command, IsDelayed(input.Action) || IsExpired(input.Action),
            FromMailer: type == "x-unix", said, input.MtaReason ?? ProviderLabels.ReasonOf(input.ProviderLabel),
            input.RemoteHost?.ToLowerInvariant(), input.Recipient));

        var labelKind = ProviderLabels.KindOf(input.ProviderLabel);
        var kind = SmtpStatusCodes.ClassOf(dsn, smtp) switch
        {
            5 => BounceKinds.Hard,
            4 => BounceKinds.Soft,
            2 => BounceKinds.Delivered,
            _ => TextRules.KindOf(reason) ?? labelKind ?? BounceKinds.Undetermined,
        };
        // A full mailbox or a greylisting delay clears by itself, whatever class the server answered with;
        // a delayed DSN is a warning that the MTA is still trying.
        if (kind is BounceKinds.Hard or BounceKinds.Undetermined && (reason is Reasons.MailboxFull or Reasons.Greylisted || IsDelayed(input.Action)))
            kind = BounceKinds.Soft;

        var disagreement = labelKind is BounceKinds.Hard or BounceKinds.Soft && labelKind != kind
            ? $"provider label '{input.ProviderLabel}' means {labelKind}; the codes and text say {kind}"
            : null;
        var (status, reply) = dsn is [_, '.', '4', '.', '7'] ? Underlying(input.Diagnostic) ?? (dsn, smtp) : (dsn, smtp);
        var scope = ScopeOf(reason, dsn, kind);
        // Sisimai reads a "user unknown" that answered no named command as a filter's answer (filtered, message
        // scope). An ESP callback names no command, and there a permanent "user unknown" must still flip the
        // subscriber (design.md section 3); only one known to answer DATA stays a filter's.
        if (kind == BounceKinds.Hard && reason == Reasons.Filtered && command is null && said.Says(Reasons.UserUnknown))
            scope = BounceScopes.Recipient;
        return new(kind, status, reply, reason, scope, disagreement, Reasons.IsAddressDead(reason, ServerCode(input, dsn, smtp, enhancedInText, replyInText), text));
    }

    // A success code is the last code in a bounce's text only when no failure code follows it: a transcript's
    // "250 2.1.0 Ok" before a refusal without a code, or a number that only looks like one ("Mailman 2.0.12" in a
    // quoted subject). It never says why the message failed, so a bounce reads as if the text had no code.
    private static string? FailureOnly(string? code, bool bounce) => bounce && code is ['2', ..] ? null : code;

    private static int? FailureOnly(int? code, bool bounce) => bounce && code is >= 200 and < 300 ? null : code;

    // Sisimai judges a null MX by the server's own words: a code in the diagnostic, else its text ("temporary").
    // The fields (a DSN's "Status: 4.0.0" on a delayed report) are the sending MTA's, so they count only without a text.
    private static string? ServerCode(BounceInput input, string? dsn, int? smtp, string? enhancedInText, int? replyInText) =>
        string.IsNullOrWhiteSpace(input.Diagnostic) ? dsn ?? smtp?.ToString() : enhancedInText ?? replyInText?.ToString();

    // An expiry (X.4.7) quotes the last reply the MTA got before it gave up: "554 4.4.7 Message expired ...
    // <421 4.4.2 Connection timed out>". That reply is the status (as Sisimai reports it); the reason and the
    // kind stay those of the expiry. The last server code that is no expiry itself, with its reply code.
    private static (string? Dsn, int? Reply)? Underlying(string? diagnostic)
    {
        (string?, int?)? found = null;
        var rest = diagnostic;
        while (SmtpStatusCodes.FindServerEnhanced(rest) is { } code && rest!.IndexOf(code, StringComparison.Ordinal) is var at and >= 0)
        {
            if (code is not [_, '.', '4', '.', '7']) found = (code, SmtpStatusCodes.FindReply(rest[Math.Max(0, at - 8)..]));
            rest = rest[(at + code.Length)..];
        }
        return found;
    }

    // A permanent failure on the delivery path (undefined, networkerror, expired, ...) says nothing about the
    // address: this message failed, so it must not flip the subscriber (design.md section 3). But 5.1.x, 5.4.x,
    // 5.2.0 and 5.2.1 say the address or its domain is dead (design.md section 2), whatever the text adds.
    private static string ScopeOf(string reason, string? dsn, string kind) =>
        kind == BounceKinds.Hard && Reasons.IsDeliveryPath(reason)
            ? dsn is ['5', '.', '1' or '4', '.', ..] or "5.2.0" or "5.2.1" ? BounceScopes.Recipient : BounceScopes.Message
            : Reasons.ScopeOf(reason);

    private static bool IsDelayed(string? action) =>
        action?.Trim().StartsWith("delayed", StringComparison.OrdinalIgnoreCase) == true;

    private static bool IsExpired(string? action) =>
        action?.Trim().StartsWith("expired", StringComparison.OrdinalIgnoreCase) == true;

    // A status field of X.0.0 says only "failed"; the server's own code of the same class in the text says why.
    // A field of X.Y.0 is a relay's summary (SES: "5.1.0 - Unknown address error 550-'5.2.2 ...'"); the code
    // the server gave with its reply is more exact. A field of another class than the server's reply is the
    // relay's guess ("Status: 4.5.0" over "550 5.5.0 Service refused"): the server's own word wins.
    private static string? Enhanced(string? field, string? inText, string? server) =>
        SmtpStatusCodes.FindEnhanced(field) switch
        {
            null => server ?? inText,
            [var c, ..] when server is [var t, ..] && t != c => server,
            [var c, '.', '0', '.', '0'] when (server ?? inText) is [var t, ..] && t == c => server ?? inText,
            [var c, '.', _, '.', '0'] when server is [var t, ..] && t == c => server,
            var code => code,
        };
}
