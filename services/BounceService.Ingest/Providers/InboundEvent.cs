namespace BounceService.Ingest.Providers;

/// <summary>One outcome for one recipient as a provider adapter read it, before classification.</summary>
/// <param name="EventId">The provider's own id for this outcome, if it has one.</param>
/// <param name="Verdict">A classification the adapter already made from richer input (a raw DSN); else Ingest classifies.</param>
/// <param name="MessageId">The provider's or the original message's id: part of the derived event id.</param>
/// <param name="RemoteHost">The receiving host that answered (Mailgun's <c>mx-host</c>), if the provider names it.</param>
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
    DateTimeOffset? OccurredAt,
    string? MessageId = null,
    Classification.Classification? Verdict = null,
    string? RemoteHost = null);
