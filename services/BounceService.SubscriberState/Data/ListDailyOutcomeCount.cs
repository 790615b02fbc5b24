namespace BounceService.SubscriberState.Data;

/// <summary>
/// A list's outcomes per UTC day (of the event) by kind and code, what the week-over-week stale-list rule reads.
/// Written by the same trigger as <see cref="CampaignOutcomeCount"/>; outcomes without a list uid are not counted.
/// </summary>
public sealed class ListDailyOutcomeCount
{
    public long Id { get; init; }
    public required string ListUid { get; init; }
    public DateOnly Day { get; init; }
    public required string Kind { get; init; }
    public string? DsnCode { get; init; }
    /// <summary>Split as <see cref="CampaignOutcomeCount.Shard"/>.</summary>
    public short Shard { get; init; }
    public long Count { get; init; }
}
