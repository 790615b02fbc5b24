namespace BounceService.Ingest.Providers;

/// <summary>One outcome for one recipient as a provider adapter read it, before classification.</summary>
public sealed record InboundEvent(
    string Provider,
    string? EventId,
    string EventType,
    string Recipient,
    string? ListUid,
    string? CampaignUid,
    string? SendingServer,
    int? SmtpCode,
    string? DsnCode,
    string? Diagnostic,
    string? ProviderLabel,
    DateTimeOffset? OccurredAt);
