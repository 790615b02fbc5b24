using BounceService.Contracts;
using BounceService.SubscriberState.Campaigns;
using BounceService.SubscriberState.Data;
using BounceService.SubscriberState.Subscribers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BounceService.SubscriberState.Alerts;

/// <summary>
/// Judges the rules for one campaign, recipient domain, list or address and keeps the <c>alerts</c> table in step; returns the
/// alerts raised just now (not those still standing), for the caller to publish.
/// </summary>
public sealed class AlertEvaluator(StateDbContext db, IOptions<AlertOptions> options, TimeProvider clock)
{
    /// <summary>
    /// After a recorded bounce whose code some rule counts: only such a bounce can push a rate over its threshold
    /// (more sends only lower the rates), so other outcomes cost nothing here. A POST of a campaign's sends and the
    /// <see cref="AlertSweeper"/> judge again too; that is where alerts clear when no such bounce follows.
    /// </summary>
    public async Task<IReadOnlyList<AlertRaised>> EvaluateAfterAsync(BounceLogEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Kind == BounceKinds.Delivered) return [];
        var raised = new List<AlertRaised>();
        if (entry.CampaignUid is { } campaign && AlertRules.Counts(entry.DsnCode, entry.Reason))
            raised.AddRange(await EvaluateCampaignAsync(campaign, cancellationToken));
        if (entry.RecipientDomain is { } domain && AlertRules.IsPolicyBlock(entry.DsnCode))
            raised.AddRange(await EvaluateDomainAsync(domain, cancellationToken));
        if (entry.ListUid is { } list && AlertRules.IsMailboxFull(entry.DsnCode))
            raised.AddRange(await EvaluateListAsync(list, cancellationToken));
        if (entry.Kind == BounceKinds.Hard && entry.Scope == BounceScopes.Recipient)
            raised.AddRange(await EvaluateSubscriberAsync(entry.Email, cancellationToken));
        return raised;
    }

    /// <summary>Judges again the subjects of the standing alerts (the sweep), so that they clear without new bounces.</summary>
    public async Task<IReadOnlyList<AlertRaised>> EvaluateStandingAsync(CancellationToken cancellationToken)
    {
        var standing = await db.Alerts.AsNoTracking().Where(a => a.ClearedAt == null)
            .Select(a => new { a.Scope, a.Subject }).Distinct().ToListAsync(cancellationToken);
        var raised = new List<AlertRaised>();
        foreach (var s in standing)
            raised.AddRange(s.Scope switch
            {
                AlertRules.CampaignScope => await EvaluateCampaignAsync(s.Subject, cancellationToken),
                AlertRules.ListScope => await EvaluateListAsync(s.Subject, cancellationToken),
                AlertRules.SubscriberScope => await EvaluateSubscriberAsync(s.Subject, cancellationToken),
                _ => await EvaluateDomainAsync(s.Subject, cancellationToken),
            });
        return raised;
    }

    public async Task<IReadOnlyList<AlertRaised>> EvaluateCampaignAsync(string campaignUid, CancellationToken cancellationToken)
    {
        var stats = await CampaignStats.LoadAsync(db, campaignUid, cancellationToken);
        return await ApplyAsync(AlertRules.ForCampaign(stats, options.Value), cancellationToken);
    }

    public async Task<IReadOnlyList<AlertRaised>> EvaluateDomainAsync(string domain, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - options.Value.DomainWindow;
        // Index (recipient_domain, occurred_at): a range scan over one domain's window.
        var groups = await db.BounceLog.AsNoTracking()
            .Where(b => b.RecipientDomain == domain && b.OccurredAt >= since)
            .GroupBy(b => new { b.Kind, b.DsnCode })
            .Select(g => new { g.Key.Kind, g.Key.DsnCode, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        return await ApplyAsync([AlertRules.ForDomain(domain, groups.Select(g => (g.Kind, g.DsnCode, g.Count)), options.Value)], cancellationToken);
    }

    public async Task<IReadOnlyList<AlertRaised>> EvaluateListAsync(string listUid, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = today.AddDays(1 - 2 * AlertRules.WeekDays);
        // Index (list_uid, day, kind, dsn_code): two weeks of one list's counter rows.
        var counts = await db.ListDailyOutcomeCounts.AsNoTracking()
            .Where(c => c.ListUid == listUid && c.Day >= from && c.Day <= today)
            .GroupBy(c => new { c.Day, c.Kind, c.DsnCode })
            .Select(g => new { g.Key.Day, g.Key.Kind, g.Key.DsnCode, Count = g.Sum(c => c.Count) })
            .ToListAsync(cancellationToken);
        return await ApplyAsync([AlertRules.ForList(listUid, today, counts.Select(c => (c.Day, c.Kind, c.DsnCode, c.Count)), options.Value)], cancellationToken);
    }

    /// <summary>After a recipient hard bounce, and after CRM activity is reported (it may come after the bounce).</summary>
    public async Task<IReadOnlyList<AlertRaised>> EvaluateSubscriberAsync(string email, CancellationToken cancellationToken)
    {
        var rows = await db.Subscribers.AsNoTracking().Where(s => s.Email == email)
            .Select(s => new { s.LastActivityAt, HardBounced = s.Status == SubscriberStatuses.Bounced && s.StatusCause == StatusCauses.HardBounce })
            .ToListAsync(cancellationToken);
        var outcomes = new List<(string, string, long)>();
        if (rows.Max(r => r.LastActivityAt) is { } activity)
        {
            var (from, to) = (activity - options.Value.EngagedActivityWindow, activity + options.Value.EngagedActivityWindow);
            // Index (email, occurred_at, id): one address's rows in the span.
            var groups = await db.BounceLog.AsNoTracking()
                .Where(b => b.Email == email && b.OccurredAt >= from && b.OccurredAt <= to)
                .GroupBy(b => new { b.Kind, b.Scope })
                .Select(g => new { g.Key.Kind, g.Key.Scope, Count = g.LongCount() })
                .ToListAsync(cancellationToken);
            outcomes.AddRange(groups.Select(g => (g.Kind, g.Scope, g.Count)));
        }
        return await ApplyAsync([AlertRules.ForSubscriber(email, outcomes, rows.Any(r => r.HardBounced))], cancellationToken);
    }

    private async Task<IReadOnlyList<AlertRaised>> ApplyAsync(IReadOnlyList<AlertCheck> checks, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var raised = new List<AlertRaised>();
        foreach (var c in checks)
        {
            if (!c.Holds)
            {
                await db.Database.ExecuteSqlAsync(
                    $"UPDATE subscriber_state.alerts SET cleared_at = {now} WHERE key = {c.Key} AND cleared_at IS NULL", cancellationToken);
                continue;
            }
            var standing = await db.Database.ExecuteSqlAsync($"""
                UPDATE subscriber_state.alerts SET last_seen_at = {now}, count = {c.Count}, total = {c.Total}, rate = {c.Rate}, threshold = {c.Threshold}
                WHERE key = {c.Key} AND cleared_at IS NULL
                """, cancellationToken);
            if (standing > 0) continue;
            // New, or back after it cleared. The conflict clause makes a concurrent raise count once: the loser's
            // WHERE sees the winner's open row and changes nothing.
            var fresh = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO subscriber_state.alerts (key, rule, scope, subject, count, total, rate, threshold, fix, first_seen_at, last_seen_at)
                VALUES ({c.Key}, {c.Rule}, {c.Scope}, {c.Subject}, {c.Count}, {c.Total}, {c.Rate}, {c.Threshold}, {c.Fix}, {now}, {now})
                ON CONFLICT (key) DO UPDATE SET count = excluded.count, total = excluded.total, rate = excluded.rate,
                    threshold = excluded.threshold, first_seen_at = excluded.first_seen_at, last_seen_at = excluded.last_seen_at, cleared_at = NULL
                WHERE alerts.cleared_at IS NOT NULL
                """, cancellationToken);
            if (fresh > 0)
                raised.Add(new AlertRaised(c.Key, c.Rule, c.Scope, c.Subject, c.Count, c.Total, c.Rate, c.Threshold, c.Fix, now));
        }
        return raised;
    }
}
