namespace BounceService.SubscriberState.Data;

/// <summary>
/// A campaign's outcomes counted by kind, reason and code, so that its stats and alert rules read a few rows instead
/// of the campaign's whole bounce log. Written only by the trigger <c>count_outcome</c> on <c>bounce_log</c>
/// (migration <c>OutcomeCounts</c>), in the transaction that inserts the row: an event delivered twice is rolled back
/// on the unique event id and counts once.
/// </summary>
public sealed class CampaignOutcomeCount
{
    public long Id { get; init; }
    public required string CampaignUid { get; init; }
    public required string Kind { get; init; }
    public required string Reason { get; init; }
    public string? DsnCode { get; init; }
    /// <summary>
    /// Each combination is split over 16 rows (bounce-log id mod 16), so that concurrent outcomes of one campaign
    /// seldom wait for one another's commit on one counter row; readers add them up.
    /// </summary>
    public short Shard { get; init; }
    public long Count { get; init; }
}
