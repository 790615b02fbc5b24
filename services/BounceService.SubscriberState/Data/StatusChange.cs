namespace BounceService.SubscriberState.Data;

/// <summary>
/// A committed status flip. Kept so that a redelivered event can publish again what its first delivery may
/// have failed to publish after the commit (no outbox package is available here).
/// </summary>
public sealed class StatusChange
{
    public Guid Id { get; init; }
    public required string ListUid { get; init; }
    public required string Email { get; init; }
    public required string OldStatus { get; init; }
    public required string NewStatus { get; init; }
    public required string Cause { get; init; }
    public string? EventId { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
}
