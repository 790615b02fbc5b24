namespace BounceService.SubscriberState.Data;

/// <summary>A campaign's sends count as the sending platform reported it (<c>POST /v1/campaigns/{uid}/sends</c>).</summary>
public sealed class CampaignSends
{
    public required string CampaignUid { get; init; }
    public long Count { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
