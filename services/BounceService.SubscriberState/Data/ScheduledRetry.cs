namespace BounceService.SubscriberState.Data;

/// <summary>
/// A retry owed after a soft bounce. Stored, so that it survives restarts; announced once it is due by
/// whichever replica locks it first (<c>FOR UPDATE SKIP LOCKED</c>).
/// </summary>
public sealed class ScheduledRetry
{
    public Guid Id { get; init; }
    public required string ListUid { get; init; }
    public required string Email { get; init; }
    public string? CampaignUid { get; init; }
    public string? SendingServer { get; init; }
    public required string EventId { get; init; }
    public int Attempt { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset? AnnouncedAt { get; set; }
}
