using System.Diagnostics;
using BounceService.WebhookDispatch.Crm;
using BounceService.WebhookDispatch.Data;
using Microsoft.EntityFrameworkCore;

namespace BounceService.WebhookDispatch.Delivery;

/// <summary>Queues one payload for every enabled endpoint that wants it; the worker sends them.</summary>
public sealed class DeliveryQueue(WebhookDbContext db, TimeProvider clock)
{
    /// <returns>How many deliveries were added (none again for a message already queued).</returns>
    public Task<int> EnqueueAsync(string messageId, string eventType, string listUid, string payload, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO webhook_dispatch.deliveries (id, endpoint_id, message_id, event_type, payload, status, attempts, next_attempt_at, created_at, trace_parent)
            SELECT gen_random_uuid(), e.id, {messageId}, {eventType}, {payload}, {DeliveryStatuses.Pending}, 0, {now}, {now}, {Activity.Current?.Id}
            FROM webhook_dispatch.endpoints e
            WHERE e.enabled AND {eventType} = ANY (e.event_types) AND (cardinality(e.list_uids) = 0 OR {listUid} = ANY (e.list_uids))
            ON CONFLICT (endpoint_id, message_id) DO NOTHING
            """, cancellationToken);
    }

    public static string MessageIdOf(Guid changeId) => $"msg_{changeId:N}";

    /// <summary>For callers that hold a payload object.</summary>
    public Task<int> EnqueueAsync(WebhookPayload payload, string messageId, CancellationToken cancellationToken) =>
        EnqueueAsync(messageId, payload.Event, payload.ListUid, System.Text.Json.JsonSerializer.Serialize(payload), cancellationToken);
}
