namespace BounceService.Classification;

/// <summary>The verdict on one outcome. Values are those of <c>BounceKinds</c> and <c>BounceScopes</c>.</summary>
/// <param name="LabelDisagreement">Why the provider's label was overruled by the codes, if it was.</param>
/// <param name="AddressIsDead">Sisimai's "hard bounce": the address itself is permanently bad (unknown user or
/// domain, moved, null MX, a spam trap), whatever else failed. Kind and scope say what to do with this event.</param>
public sealed record Classification(
    string Kind,
    string? Dsn,
    int? SmtpCode,
    string Reason,
    string Scope,
    string? LabelDisagreement = null,
    bool AddressIsDead = false);
