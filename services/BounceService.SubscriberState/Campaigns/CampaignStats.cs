using BounceService.Contracts;
using BounceService.SubscriberState.Data;
using Microsoft.EntityFrameworkCore;

namespace BounceService.SubscriberState.Campaigns;

/// <summary>
/// A campaign's outcomes counted by kind, reason and code. Sends are the larger of the platform's explicit count and
/// what was observed (deliveries plus bounces), since either may be missing or late.
/// </summary>
public sealed record CampaignStats(string CampaignUid, long? ExplicitSends, IReadOnlyList<CampaignStats.Group> Groups)
{
    public sealed record Group(string Kind, string Reason, string? DsnCode, long Count);

    private static readonly HashSet<string> BounceKindSet = [BounceKinds.Hard, BounceKinds.Soft, BounceKinds.Undetermined];

    public long Delivered => Groups.Where(g => g.Kind == BounceKinds.Delivered).Sum(g => g.Count);

    /// <summary>Hard, soft and undetermined: the outcomes that are a send which did not arrive.</summary>
    public long Bounces => Groups.Where(g => BounceKindSet.Contains(g.Kind)).Sum(g => g.Count);

    public long ObservedSends => Delivered + Bounces;

    public long Sends => Math.Max(ExplicitSends ?? 0, ObservedSends);

    public bool IsEmpty => ExplicitSends is null && Groups.Count == 0;

    public long WithCode(string dsnCode) => Groups.Where(g => g.DsnCode == dsnCode && g.Kind != BounceKinds.Delivered).Sum(g => g.Count);

    /// <summary>The campaign's counter rows (<see cref="CampaignOutcomeCount"/>): a few hundred at most, however many sends it had.</summary>
    public static async Task<CampaignStats> LoadAsync(StateDbContext db, string campaignUid, CancellationToken cancellationToken)
    {
        var groups = await db.CampaignOutcomeCounts.AsNoTracking()
            .Where(c => c.CampaignUid == campaignUid)
            .GroupBy(c => new { c.Kind, c.Reason, c.DsnCode })
            .Select(g => new Group(g.Key.Kind, g.Key.Reason, g.Key.DsnCode, g.Sum(c => c.Count)))
            .ToListAsync(cancellationToken);
        var explicitSends = await db.CampaignSends.AsNoTracking().Where(c => c.CampaignUid == campaignUid)
            .Select(c => (long?)c.Count).SingleOrDefaultAsync(cancellationToken);
        return new(campaignUid, explicitSends, groups);
    }
}
