namespace BounceService.Classification;

/// <summary>The verdict on one outcome. Values are those of <c>BounceKinds</c> and <c>BounceScopes</c>.</summary>
/// <param name="LabelDisagreement">Why the provider's label was overruled by the codes, if it was.</param>
public sealed record Classification(
    string Kind,
    string? Dsn,
    int? SmtpCode,
    string Reason,
    string Scope,
    string? LabelDisagreement = null);
