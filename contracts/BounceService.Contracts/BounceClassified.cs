namespace BounceService.Contracts;

/// <summary>
/// One delivery outcome for one recipient, classified by Ingest. Published once the API accepted it;
/// consumers must be idempotent on <see cref="EventId"/> (providers and the bus both redeliver).
/// </summary>
/// <param name="EventId">Stable id of this outcome: the provider's id, or a hash of its content.</param>
/// <param name="Provider">Where it came from: <c>generic</c>, <c>ses</c>, <c>dsn</c>, ...</param>
/// <param name="EventType">What the provider reported: <c>bounce</c>, <c>complaint</c> or <c>delivered</c>.</param>
/// <param name="Recipient">The recipient's address, lower-cased.</param>
/// <param name="ListUid">The mailing list, or null for every list holding the address.</param>
/// <param name="CampaignUid">The campaign the message belonged to, if known.</param>
/// <param name="SendingServer">The sending server whose retry policy applies, if known.</param>
/// <param name="Kind">See <see cref="BounceKinds"/>.</param>
/// <param name="DsnCode">Normalised RFC 3463 code (<c>5.1.1</c>) or null.</param>
/// <param name="SmtpCode">Basic SMTP reply code (550) or null.</param>
/// <param name="Reason">Reason in Sisimai's vocabulary plus <c>greylisted</c> and <c>spamtrap</c>.</param>
/// <param name="Scope">See <see cref="BounceScopes"/>.</param>
/// <param name="Diagnostic">The receiving server's text, verbatim.</param>
/// <param name="ProviderLabel">The provider's own label (e.g. <c>Permanent</c>), if any.</param>
/// <param name="LabelDisagreement">Set when the provider's label contradicts the codes, which win.</param>
/// <param name="OccurredAt">When the outcome happened, as the provider says.</param>
public record BounceClassified(
    string EventId,
    string Provider,
    string EventType,
    string Recipient,
    string? ListUid,
    string? CampaignUid,
    string? SendingServer,
    string Kind,
    string? DsnCode,
    int? SmtpCode,
    string Reason,
    string Scope,
    string? Diagnostic,
    string? ProviderLabel,
    string? LabelDisagreement,
    DateTimeOffset OccurredAt);
