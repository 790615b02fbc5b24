namespace BounceService.SubscriberState.Data;

/// <summary>
/// Every outcome received, deliveries included (kind <c>delivered</c>), once per event id: the unique key on
/// <see cref="EventId"/> is what makes the consumer idempotent.
/// </summary>
public sealed class BounceLogEntry
{
    public long Id { get; init; }
    public required string EventId { get; init; }
    public required string Provider { get; init; }
    public required string EventType { get; init; }
    public required string Email { get; init; }
    /// <summary>
    /// The registrable domain of <see cref="Email"/> (Public Suffix List, ASCII form), set at write time so that
    /// per-domain reports group on a column; null on rows written before it existed.
    /// </summary>
    public string? RecipientDomain { get; init; }
    public string? ListUid { get; init; }
    public string? CampaignUid { get; init; }
    public string? SendingServer { get; init; }
    public required string Kind { get; init; }
    public string? DsnCode { get; init; }
    public int? SmtpCode { get; init; }
    public required string Reason { get; init; }
    public required string Scope { get; init; }
    /// <summary>The receiving server's text, verbatim.</summary>
    public string? Diagnostic { get; init; }
    public string? ProviderLabel { get; init; }
    public string? LabelDisagreement { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
