using BounceService.Contracts;
using BounceService.ServiceDefaults;
using BounceService.SubscriberState.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BounceService.SubscriberState.Subscribers;

/// <summary>
/// The guide's daily job: subscribers whose <c>bounced</c> came from <c>soft_to_hard</c> and who showed CRM
/// activity in the last 30 days are flipped back (cause <c>reactivated</c>) and watched for their next two
/// outcomes. Rows are locked with <c>SKIP LOCKED</c>, so replicas never reactivate one subscriber twice.
/// </summary>
public sealed class AutoReactivation(IServiceScopeFactory scopes, IOptions<AutoReactivationOptions> options, ILogger<AutoReactivation> logger) : BackgroundService
{
    public const int WatchedOutcomes = 2;

    public static bool IsWatchedOutcome(BounceClassified e) => e.Kind == BounceKinds.Delivered || IsRecipientBounce(e);

    public static bool IsRecipientBounce(BounceClassified e) =>
        e.Kind is BounceKinds.Hard or BounceKinds.Soft && e.Scope == BounceScopes.Recipient;

    /// <returns>How many subscribers this run reactivated.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StateDbContext>();
        var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var since = now - options.Value.ActivityWindow;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var candidates = await db.Subscribers
            .FromSql($"""
                SELECT * FROM subscriber_state.subscribers
                WHERE status = {SubscriberStatuses.Bounced} AND status_cause = {StatusCauses.SoftToHard}
                  AND NOT auto_reactivation_blocked AND last_activity_at >= {since}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        var changes = candidates.Select(s =>
        {
            s.WatchRemaining = WatchedOutcomes;
            s.SoftBounceStreak = 0;
            return StatusMoves.Apply(db, s, SubscriberStatuses.Subscribed, StatusCauses.Reactivated, null, now);
        }).ToList();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var change in changes) BounceMetrics.StatusChanged(change.Cause, change.NewStatus);

        foreach (var change in changes) await bus.Publish(StatusMoves.ToMessage(change, null), cancellationToken);
        return changes.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var count = await RunAsync(stoppingToken);
                if (count > 0) logger.LogInformation("Auto-reactivated {Count} subscriber(s) with recent activity", count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Auto-reactivation failed; next run in {Interval}", options.Value.Interval);
            }
        }
    }
}

public sealed class AutoReactivationOptions
{
    public const string Section = "AutoReactivation";

    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan ActivityWindow { get; set; } = TimeSpan.FromDays(30);
}
