using BounceService.Contracts;
using BounceService.ServiceDefaults;
using BounceService.SubscriberState.Data;
using Microsoft.EntityFrameworkCore;

namespace BounceService.SubscriberState.Subscribers;

/// <summary>
/// Manual reactivation, <c>bounced</c> back to <c>subscribed</c>, only with recorded re-confirmation evidence.
/// Lifts the address's suppression and restarts its soft-bounce count.
/// </summary>
public sealed class Reactivator(StateDbContext db, TimeProvider clock)
{
    public sealed record Evidence(string? Method, string? Reference, DateTimeOffset? ConfirmedAt);

    public enum Outcome { Reactivated, NoEvidence, NotFound, NotBounced }

    public static string? Problem(Evidence? evidence) =>
        evidence is null ? "evidence is required: {\"method\",\"reference\",\"confirmed_at\"} of the subscriber's re-confirmation."
        : string.IsNullOrWhiteSpace(evidence.Method) ? "evidence.method is required (signup_form, email_request, ...)."
        : string.IsNullOrWhiteSpace(evidence.Reference) ? "evidence.reference is required (form submission id, ticket, message id, ...)."
        : evidence.ConfirmedAt is null ? "evidence.confirmed_at is required."
        : null;

    public async Task<(Outcome Outcome, StatusChange? Change)> ReactivateAsync(string email, string listUid, Evidence? evidence, CancellationToken cancellationToken)
    {
        if (Problem(evidence) is not null) return (Outcome.NoEvidence, null);
        email = email.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var subscriber = await db.Subscribers
            .FromSql($"SELECT * FROM subscriber_state.subscribers WHERE list_uid = {listUid} AND email = {email} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (subscriber is null) return (Outcome.NotFound, null);
        if (subscriber.Status != SubscriberStatuses.Bounced) return (Outcome.NotBounced, null);

        var change = StatusMoves.Apply(db, subscriber, SubscriberStatuses.Subscribed, StatusCauses.Manual, null, now);
        subscriber.SoftBounceStreak = 0;
        db.Reactivations.Add(new Reactivation
        {
            Id = Guid.CreateVersion7(now), ListUid = listUid, Email = email, Method = evidence!.Method!.Trim(),
            Reference = evidence.Reference!.Trim(), ConfirmedAt = evidence.ConfirmedAt!.Value.ToUniversalTime(), ChangeId = change.Id, At = now,
        });
        await db.Suppressions.Where(s => s.Email == email).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        BounceMetrics.StatusChanged(change.Cause, change.NewStatus);
        return (Outcome.Reactivated, change);
    }
}
