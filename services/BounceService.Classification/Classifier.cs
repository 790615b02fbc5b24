using BounceService.Contracts;

namespace BounceService.Classification;

/// <summary>
/// Classifies one outcome by the rules of design.md section 2: the enhanced code decides first, then the
/// basic reply code, then the diagnostic text, then the provider's label.
/// </summary>
public static class Classifier
{
    public static Classification Classify(BounceInput input)
    {
        var dsn = Enhanced(input.DsnCode, SmtpStatusCodes.FindEnhanced(input.Diagnostic), SmtpStatusCodes.FindServerEnhanced(input.Diagnostic));
        var smtp = input.SmtpCode ?? SmtpStatusCodes.FindReply(input.Diagnostic);

        switch (input.EventType)
        {
            case EventTypes.Complaint:
                return new(BounceKinds.Complaint, dsn, smtp, Reasons.Feedback, BounceScopes.Recipient);
            case EventTypes.Delivered:
                return new(BounceKinds.Delivered, dsn, smtp, Reasons.Delivered, BounceScopes.Recipient);
        }

        var code = dsn is null ? null : CodeRules.Lookup(dsn);
        var text = TextRules.Match(input.Diagnostic);
        var reason = code is { Specific: true } ? code.Value.Reason
            : text?.Reason ?? code?.Reason ?? Reasons.Undefined;

        reason = Filtered(reason, dsn, input.SmtpCommand ?? SmtpCommands.Find(input.Diagnostic));
        // A DSN that gives up ("failed") with a temporary network code means the MTA ran out of retries.
        if (reason == "networkerror" && dsn is ['4', ..] && IsFailed(input.Action)) reason = "expired";

        var labelKind = ProviderLabels.KindOf(input.ProviderLabel);
        var kind = SmtpStatusCodes.ClassOf(dsn, smtp) switch
        {
            5 => BounceKinds.Hard,
            4 => BounceKinds.Soft,
            2 => BounceKinds.Delivered,
            _ => text?.Kind ?? labelKind ?? BounceKinds.Undetermined,
        };
        // A full mailbox or a greylisting delay clears by itself, whatever class the server answered with;
        // a delayed DSN is a warning that the MTA is still trying.
        if (kind is BounceKinds.Hard or BounceKinds.Undetermined && (reason is Reasons.MailboxFull or Reasons.Greylisted || IsDelayed(input.Action)))
            kind = BounceKinds.Soft;

        var disagreement = labelKind is BounceKinds.Hard or BounceKinds.Soft && labelKind != kind
            ? $"provider label '{input.ProviderLabel}' means {labelKind}; the codes and text say {kind}"
            : null;
        return new(kind, dsn, smtp, reason, ScopeOf(reason, dsn, kind), disagreement);
    }

    // "User unknown" answered after DATA comes from a filter: the address had been accepted at RCPT (Japanese
    // carriers answer "550 User unknown" to filtered mail). That is Sisimai's "filtered", which does not
    // condemn the address; an X.1.x code still does.
    private static string Filtered(string reason, string? dsn, string? command) =>
        reason == Reasons.UserUnknown && command == SmtpCommands.Data && dsn is not [_, '.', '1', '.', ..]
            ? Reasons.Filtered
            : reason;

    // A permanent failure on the delivery path (undefined, networkerror, expired, ...) says nothing about the
    // address: this message failed, so it must not flip the subscriber (design.md section 3). But 5.1.x, 5.4.x,
    // 5.2.0 and 5.2.1 say the address or its domain is dead (design.md section 2), whatever the text adds.
    private static string ScopeOf(string reason, string? dsn, string kind) =>
        kind == BounceKinds.Hard && Reasons.IsDeliveryPath(reason)
            ? dsn is ['5', '.', '1' or '4', '.', ..] or "5.2.0" or "5.2.1" ? BounceScopes.Recipient : BounceScopes.Message
            : Reasons.ScopeOf(reason);

    private static bool IsFailed(string? action) =>
        action?.Trim().StartsWith("failed", StringComparison.OrdinalIgnoreCase) == true;

    private static bool IsDelayed(string? action) =>
        action?.Trim().StartsWith("delayed", StringComparison.OrdinalIgnoreCase) == true;

    // A status field of X.0.0 says only "failed"; the server's own code of the same class in the text says why.
    // A field of X.Y.0 is a relay's summary (SES: "5.1.0 - Unknown address error 550-'5.2.2 ...'"); the code
    // the server gave with its reply is more exact.
    private static string? Enhanced(string? field, string? inText, string? server) =>
        SmtpStatusCodes.FindEnhanced(field) switch
        {
            null => server ?? inText,
            [var c, '.', '0', '.', '0'] when (server ?? inText) is [var t, ..] && t == c => server ?? inText,
            [var c, '.', _, '.', '0'] when server is [var t, ..] && t == c => server,
            var code => code,
        };
}
