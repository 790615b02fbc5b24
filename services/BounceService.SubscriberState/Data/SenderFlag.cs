namespace BounceService.SubscriberState.Data;

/// <summary>A sending server flagged for monitoring: it hit a spam trap (the guide: "sending IP flagged").</summary>
public sealed class SenderFlag
{
    public long Id { get; init; }
    /// <summary>The sending server of the event, or null when the provider did not say.</summary>
    public string? SendingServer { get; init; }
    public required string EventId { get; init; }
    public required string Email { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset FlaggedAt { get; init; }
}
