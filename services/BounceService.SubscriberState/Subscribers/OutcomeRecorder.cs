using BounceService.Contracts;
using BounceService.SubscriberState.Data;
using BounceService.SubscriberState.Domains;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BounceService.SubscriberState.Subscribers;

/// <summary>
/// Applies one classified outcome in one transaction: the bounce log row (unique on the event id, so a
/// second delivery of the same event changes nothing), the subscriber rows (locked, so concurrent events for
/// one address are applied one after the other), the status changes and the suppression. The campaign and list
/// counters are added to by a trigger on the log row at commit (<see cref="CampaignOutcomeCount"/>).
/// </summary>
public sealed class OutcomeRecorder(StateDbContext db, TimeProvider clock, ILogger<OutcomeRecorder> logger)
{
    public sealed record Result(BounceLogEntry Entry, IReadOnlyList<StatusChange> Changes, bool Duplicate);

    public async Task<Result> RecordAsync(BounceClassified e, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var entry = LogEntry(e, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.BounceLog.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await EarlierResultAsync(e.EventId, cancellationToken);
        }

        var effect = OutcomeEffect.Of(e);
        var delays = effect.Streak == StreakChange.Increment ? await DelaysForAsync(entry.SendingServer, cancellationToken) : [];
        var changes = new List<StatusChange>();
        foreach (var subscriber in await LockSubscribersAsync(entry, now, cancellationToken))
        {
            subscriber.UpdatedAt = now;
            if (subscriber.WatchRemaining > 0 && AutoReactivation.IsWatchedOutcome(e))
            {
                subscriber.WatchRemaining--;
                if (AutoReactivation.IsRecipientBounce(e))
                {
                    // It bounced again right after coming back: bounced is final this time.
                    subscriber.WatchRemaining = 0;
                    subscriber.AutoReactivationBlocked = true;
                    if (e.Kind == BounceKinds.Soft)
                    {
                        changes.Add(await MoveAsync(subscriber, SubscriberStatuses.Bounced, StatusCauses.SoftToHard, entry.EventId, now, cancellationToken));
                        continue;
                    }
                }
            }
            if (effect.Streak == StreakChange.Reset)
            {
                subscriber.SoftBounceStreak = 0;
                await CancelRetriesAsync(subscriber, cancellationToken);
            }
            if (effect.NewStatus is { } status && OutcomeEffect.CanMove(subscriber.Status, status))
                changes.Add(await MoveAsync(subscriber, status, effect.Cause!, entry.EventId, now, cancellationToken));
            if (effect.Streak != StreakChange.Increment || subscriber.Status != SubscriberStatuses.Subscribed) continue;

            subscriber.SoftBounceStreak++;
            if (RetryPolicies.Exhausted(subscriber.SoftBounceStreak, delays))
                changes.Add(await MoveAsync(subscriber, SubscriberStatuses.Bounced, StatusCauses.SoftToHard, entry.EventId, now, cancellationToken));
            else
                db.ScheduledRetries.Add(new ScheduledRetry
                {
                    Id = Guid.CreateVersion7(now),
                    ListUid = subscriber.ListUid,
                    Email = subscriber.Email,
                    CampaignUid = entry.CampaignUid,
                    SendingServer = entry.SendingServer,
                    EventId = entry.EventId,
                    Attempt = subscriber.SoftBounceStreak,
                    DueAt = entry.OccurredAt + delays[subscriber.SoftBounceStreak - 1],
                });
        }
        if (effect.Suppress)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO subscriber_state.suppressions (email, cause, event_id, since) VALUES ({entry.Email}, {effect.Cause}, {entry.EventId}, {now}) ON CONFLICT (email) DO NOTHING",
                cancellationToken);
        }
        if (effect.Cause == StatusCauses.SpamTrap)
        {
            db.SenderFlags.Add(new SenderFlag { SendingServer = entry.SendingServer, EventId = entry.EventId, Email = entry.Email, Reason = entry.Reason, FlaggedAt = now });
            logger.LogWarning("Spam trap hit in event {EventId}: sending server {SendingServer} flagged for monitoring", entry.EventId, entry.SendingServer ?? "(unknown)");
        }
        if (effect.SenderSideProblem)
        {
            logger.LogWarning("Sender-side refusal {Dsn} ({Reason}) in event {EventId}; subscribers left as they are",
                entry.DsnCode, entry.Reason, entry.EventId);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(entry, changes, Duplicate: false);
    }

    private async Task<StatusChange> MoveAsync(Subscriber subscriber, string status, string cause, string eventId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Nobody resends to an address that is no longer subscribed.
        await CancelRetriesAsync(subscriber, cancellationToken);
        return StatusMoves.Apply(db, subscriber, status, cause, eventId, now);
    }

    private Task CancelRetriesAsync(Subscriber subscriber, CancellationToken cancellationToken) =>
        db.ScheduledRetries
            .Where(r => r.ListUid == subscriber.ListUid && r.Email == subscriber.Email && r.AnnouncedAt == null)
            .ExecuteDeleteAsync(cancellationToken);

    private async Task<IReadOnlyList<TimeSpan>> DelaysForAsync(string? sendingServer, CancellationToken cancellationToken) =>
        RetryPolicies.DelaysOf(sendingServer is null ? null
            : await db.SendingServers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sendingServer, cancellationToken));

    /// <summary>The subscriber rows the event applies to, locked until commit; a list's row is created when missing.</summary>
    private async Task<List<Subscriber>> LockSubscribersAsync(BounceLogEntry e, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (e.ListUid is null)
        {
            // Every list holding the address; a fixed lock order keeps two such events from deadlocking.
            return await db.Subscribers
                .FromSql($"SELECT * FROM subscriber_state.subscribers WHERE email = {e.Email} ORDER BY list_uid FOR UPDATE")
                .ToListAsync(cancellationToken);
        }
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO subscriber_state.subscribers (list_uid, email, status, soft_bounce_streak, created_at, updated_at)
            VALUES ({e.ListUid}, {e.Email}, {SubscriberStatuses.Subscribed}, 0, {now}, {now})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        return await db.Subscribers
            .FromSql($"SELECT * FROM subscriber_state.subscribers WHERE list_uid = {e.ListUid} AND email = {e.Email} FOR UPDATE")
            .ToListAsync(cancellationToken);
    }

    private async Task<Result> EarlierResultAsync(string eventId, CancellationToken cancellationToken)
    {
        var entry = await db.BounceLog.AsNoTracking().SingleAsync(b => b.EventId == eventId, cancellationToken);
        var changes = await db.StatusChanges.AsNoTracking().Where(c => c.EventId == eventId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return new(entry, changes, Duplicate: true);
    }

    private static BounceLogEntry LogEntry(BounceClassified e, DateTimeOffset now) => new()
    {
        EventId = e.EventId,
        Provider = e.Provider,
        EventType = e.EventType,
        Email = e.Recipient.ToLowerInvariant(),
        RecipientDomain = RegistrableDomain.OfEmail(e.Recipient),
        ListUid = e.ListUid,
        CampaignUid = e.CampaignUid,
        SendingServer = e.SendingServer,
        Kind = e.Kind,
        DsnCode = e.DsnCode,
        SmtpCode = e.SmtpCode,
        Reason = e.Reason,
        Scope = e.Scope,
        Diagnostic = e.Diagnostic,
        ProviderLabel = e.ProviderLabel,
        LabelDisagreement = e.LabelDisagreement,
        OccurredAt = e.OccurredAt.ToUniversalTime(),
        ReceivedAt = now,
    };
}
