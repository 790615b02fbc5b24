using BounceService.ServiceDefaults;
using BounceService.WebhookDispatch.Crm;
using BounceService.WebhookDispatch.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BounceService.WebhookDispatch.Delivery;

/// <summary>Records an attempt and decides what follows: done, the next slot of the schedule, dead, or the endpoint disabled.</summary>
public sealed class DeliveryOutcomes(WebhookDbContext db, IOptions<WebhooksOptions> options, TimeProvider clock, ILogger<DeliveryOutcomes> logger)
{
    public async Task RecordAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, SendOutcome outcome, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        // One transaction, so nobody sees a delivery dead from a 410 while its endpoint still looks enabled.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Attempts.Add(new DeliveryAttempt
        {
            DeliveryId = delivery.Id, At = now, StatusCode = outcome.StatusCode, LatencyMs = outcome.LatencyMs,
            Error = outcome.Error, ResponseExcerpt = outcome.ResponseExcerpt,
        });
        await db.SaveChangesAsync(cancellationToken);

        var rows = db.Deliveries.Where(d => d.Id == delivery.Id);
        if (outcome.Succeeded)
        {
            await rows.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatuses.Succeeded).SetProperty(d => d.Attempts, attempts)
                .SetProperty(d => d.SucceededAt, now).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(d => d.LastStatusCode, outcome.StatusCode).SetProperty(d => d.LastError, (string?)null), cancellationToken);
            await db.Endpoints.Where(e => e.Id == endpoint.Id && e.FailingSince != null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, (DateTimeOffset?)null), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        var next = outcome.StatusCode == StatusCodes.Status410Gone ? null
            : RetryPlan.Next(options.Value.Schedule, attempts, now, outcome.RetryAfter, Random.Shared);
        var updated = await rows.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, next is null ? DeliveryStatuses.Dead : DeliveryStatuses.Pending)
            .SetProperty(d => d.Attempts, attempts).SetProperty(d => d.NextAttemptAt, next ?? now)
            .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(d => d.LastStatusCode, outcome.StatusCode).SetProperty(d => d.LastError, outcome.Error), cancellationToken);
        if (next is null)
            BounceMetrics.WebhooksDeadLettered(outcome.StatusCode == StatusCodes.Status410Gone ? "gone" : "retries_exhausted", updated);

        if (outcome.StatusCode == StatusCodes.Status410Gone)
        {
            await DisableAsync(endpoint.Id, "The endpoint answered 410 Gone.", now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }
        await db.Endpoints.Where(e => e.Id == endpoint.Id && e.FailingSince == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, now), cancellationToken);
        var failingSince = await db.Endpoints.Where(e => e.Id == endpoint.Id).Select(e => e.FailingSince).SingleOrDefaultAsync(cancellationToken);
        if (failingSince is { } since && now - since >= options.Value.DisableAfter)
            await DisableAsync(endpoint.Id, $"Every attempt failed since {since:O}.", now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Disables the endpoint and ends its pending deliveries (dead: <c>recover</c> can resend them later).</summary>
    public async Task DisableAsync(Guid endpointId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Joins the caller's transaction where there is one; otherwise both updates still land together.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var changed = await db.Endpoints.Where(e => e.Id == endpointId && e.Enabled).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Enabled, false).SetProperty(e => e.DisabledAt, now).SetProperty(e => e.DisabledReason, reason)
            .SetProperty(e => e.UpdatedAt, now), cancellationToken);
        var ended = await db.Deliveries.Where(d => d.EndpointId == endpointId && d.Status == DeliveryStatuses.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DeliveryStatuses.Dead).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(d => d.LastError, d => d.LastError ?? "endpoint disabled"), cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
        BounceMetrics.WebhooksDeadLettered("endpoint_disabled", ended);
        if (changed > 0)
            logger.LogWarning("endpoint.disabled: webhook endpoint {EndpointId} disabled: {Reason}", endpointId, reason);
    }
}
