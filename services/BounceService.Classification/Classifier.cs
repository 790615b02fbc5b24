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
        var dsn = SmtpStatusCodes.FindEnhanced(input.DsnCode) ?? SmtpStatusCodes.FindEnhanced(input.Diagnostic);
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
        // A full mailbox or a greylisting delay clears by itself, whatever class the server answered with.
        if (kind == BounceKinds.Hard && reason is Reasons.MailboxFull or Reasons.Greylisted)
            kind = BounceKinds.Soft;

        var disagreement = labelKind is BounceKinds.Hard or BounceKinds.Soft && labelKind != kind
            ? $"provider label '{input.ProviderLabel}' means {labelKind}; the codes and text say {kind}"
            : null;
        return new(kind, dsn, smtp, reason, Reasons.ScopeOf(reason), disagreement);
    }
}
