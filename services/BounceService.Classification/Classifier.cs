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
        var dsn = Enhanced(input.DsnCode, SmtpStatusCodes.FindEnhanced(input.Diagnostic));
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
        return new(kind, dsn, smtp, reason, Reasons.ScopeOf(reason), disagreement);
    }

    private static bool IsDelayed(string? action) =>
        action?.Trim().StartsWith("delayed", StringComparison.OrdinalIgnoreCase) == true;

    // A status field of X.0.0 says only "failed"; the server's own code of the same class in the text says why.
    private static string? Enhanced(string? field, string? inText) =>
        SmtpStatusCodes.FindEnhanced(field) switch
        {
            null => inText,
            [var c, '.', '0', '.', '0'] when inText is [var t, ..] && t == c => inText,
            var code => code,
        };
}
