using BounceService.Contracts;
using BounceService.SubscriberState.Data;

namespace BounceService.SubscriberState.Subscribers;

/// <summary>The one way a subscriber's status changes: the row, its cause, and the stored change to announce.</summary>
public static class StatusMoves
{
    public static StatusChange Apply(StateDbContext db, Subscriber subscriber, string status, string cause, string? eventId, DateTimeOffset now)
    {
        var change = new StatusChange
        {
            Id = Guid.CreateVersion7(now),
            ListUid = subscriber.ListUid,
            Email = subscriber.Email,
            OldStatus = subscriber.Status,
            NewStatus = status,
            Cause = cause,
            EventId = eventId,
            ChangedAt = now,
        };
        subscriber.Status = status;
        subscriber.StatusCause = cause;
        subscriber.StatusEventId = eventId;
        subscriber.StatusChangedAt = now;
        subscriber.UpdatedAt = now;
        db.StatusChanges.Add(change);
        return change;
    }

    /// <summary>The bus message announcing a change; <paramref name="cause"/> is the outcome behind it, if any.</summary>
    public static SubscriberStatusChanged ToMessage(StatusChange c, BounceLogEntry? cause) => new(
        c.Id, c.Email, c.ListUid, c.OldStatus, c.NewStatus, c.Cause, c.EventId, cause?.CampaignUid, cause?.Provider,
        cause?.Kind, cause?.DsnCode, cause?.Reason, cause?.Diagnostic, cause?.OccurredAt ?? c.ChangedAt);
}
