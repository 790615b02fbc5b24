namespace BounceService.SubscriberState.Data;

/// <summary>One address on one list. The key is (list, lower-cased address).</summary>
public sealed class Subscriber
{
    public required string ListUid { get; init; }
    public required string Email { get; init; }
    public required string Status { get; set; }
    /// <summary>Why the status is what it is (<c>hard_bounce</c>, <c>complaint</c>, ...); null while never changed.</summary>
    public string? StatusCause { get; set; }
    public string? StatusEventId { get; set; }
    public DateTimeOffset? StatusChangedAt { get; set; }
    /// <summary>Soft bounces since the last delivery.</summary>
    public int SoftBounceStreak { get; set; }
    /// <summary>Latest CRM activity reported for this subscriber (opens, clicks, replies elsewhere).</summary>
    public DateTimeOffset? LastActivityAt { get; set; }
    /// <summary>Outcomes still watched after an auto-reactivation; a bounce among them makes <c>bounced</c> final.</summary>
    public int WatchRemaining { get; set; }
    /// <summary>Set once a watched subscriber bounced again: never auto-reactivated again.</summary>
    public bool AutoReactivationBlocked { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
