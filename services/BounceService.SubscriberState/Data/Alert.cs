namespace BounceService.SubscriberState.Data;

/// <summary>
/// One alert from the guide's symptom table, held under a stable key (<c>userunknown_spike:campaign:&lt;uid&gt;</c>):
/// raised once, refreshed while its condition persists, cleared when it no longer holds, raised anew after that.
/// </summary>
public sealed class Alert
{
    public long Id { get; init; }
    public required string Key { get; init; }
    public required string Rule { get; init; }
    /// <summary><c>campaign</c> or <c>domain</c>.</summary>
    public required string Scope { get; init; }
    /// <summary>The campaign uid or the registrable domain.</summary>
    public required string Subject { get; init; }
    /// <summary>Evidence: how many outcomes matched the rule ...</summary>
    public long Count { get; set; }
    /// <summary>... out of how many (sends, or bounces for the DKIM/SPF rule).</summary>
    public long Total { get; set; }
    public double Rate { get; set; }
    public double Threshold { get; set; }
    /// <summary>The guide's suggested fix.</summary>
    public required string Fix { get; init; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? ClearedAt { get; set; }
}
