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
        var deadReason = outcome.StatusCode == StatusCodes.Status410Gone ? "gone" : "retries_exhausted";
        var dead = next is null ? updated : 0;

        var disabled = Disabled.None;
        if (outcome.StatusCode == StatusCodes.Status410Gone)
        {
            disabled = await DisableAsync(endpoint.Id, "The endpoint answered 410 Gone.", now, cancellationToken);
        }
        else
        {
            await db.Endpoints.Where(e => e.Id == endpoint.Id && e.FailingSince == null)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, now), cancellationToken);
            var failingSince = await db.Endpoints.Where(e => e.Id == endpoint.Id).Select(e => e.FailingSince).SingleOrDefaultAsync(cancellationToken);
            if (failingSince is { } since && now - since >= options.Value.DisableAfter)
                disabled = await DisableAsync(endpoint.Id, $"Every attempt failed since {since:O}.", now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        // Counted only once committed: a rolled-back attempt is retried after its lease and would count twice.
        BounceMetrics.WebhooksDeadLettered(deadReason, dead);
        Report(endpoint.Id, disabled);
    }

    private readonly record struct Disabled(bool Changed, int Ended, string? Reason)
    {
        public static readonly Disabled None = new(false, 0, null);
    }

    // Disables the endpoint and ends its pending deliveries (dead: `recover` can resend them later), in the
    // attempt's transaction.
    private async Task<Disabled> DisableAsync(Guid endpointId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = await db.Endpoints.Where(e => e.Id == endpointId && e.Enabled).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Enabled, false).SetProperty(e => e.DisabledAt, now).SetProperty(e => e.DisabledReason, reason)
            .SetProperty(e => e.UpdatedAt, now), cancellationToken);
        var ended = await db.Deliveries.Where(d => d.EndpointId == endpointId && d.Status == DeliveryStatuses.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DeliveryStatuses.Dead).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(d => d.LastError, d => d.LastError ?? "endpoint disabled"), cancellationToken);
        return new(changed > 0, ended, reason);
    }

    private void Report(Guid endpointId, Disabled disabled)
    {
        BounceMetrics.WebhooksDeadLettered("endpoint_disabled", disabled.Ended);
        if (disabled.Changed)
            logger.LogWarning("endpoint.disabled: webhook endpoint {EndpointId} disabled: {Reason}", endpointId, disabled.Reason);
    }
}
