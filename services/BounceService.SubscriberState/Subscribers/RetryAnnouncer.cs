using BounceService.Contracts;
using BounceService.SubscriberState.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BounceService.SubscriberState.Subscribers;

/// <summary>
/// Announces due retries (<see cref="DeliveryRetryDue"/>). Each batch is locked with <c>FOR UPDATE SKIP LOCKED</c>,
/// so that several replicas share the work and each retry is announced by one of them; a crash between the
/// publish and the commit announces it again (at least once, with a stable retry id).
/// </summary>
public sealed class RetryAnnouncer(IServiceScopeFactory scopes, IOptions<RetryOptions> options, ILogger<RetryAnnouncer> logger) : BackgroundService
{
    /// <returns>How many retries this call announced.</returns>
    public async Task<int> AnnounceDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StateDbContext>();
        var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.ScheduledRetries
            .FromSql($"""
                SELECT * FROM subscriber_state.scheduled_retries
                WHERE announced_at IS NULL AND due_at <= {now}
                ORDER BY due_at LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        foreach (var retry in due)
        {
            await bus.Publish(new DeliveryRetryDue(retry.Id, retry.Email, retry.ListUid, retry.CampaignUid, retry.SendingServer,
                retry.Attempt, retry.DueAt, retry.EventId), cancellationToken);
            retry.AnnouncedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // A full batch means more may be waiting: go again at once.
                while (await AnnounceDueAsync(stoppingToken) == options.Value.BatchSize) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Announcing due retries failed; trying again in {Interval}", options.Value.PollInterval);
            }
        }
    }
}
