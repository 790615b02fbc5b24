using System.Diagnostics;
using BounceService.ServiceDefaults;
using BounceService.WebhookDispatch.Crm;
using BounceService.WebhookDispatch.Data;
using BounceService.WebhookDispatch.Endpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BounceService.WebhookDispatch.Delivery;

/// <summary>
/// Sends due deliveries. Each round leases a batch (<c>FOR UPDATE SKIP LOCKED</c>, at most a few per endpoint, so a
/// dead endpoint never starves the others) and sends it in parallel; a replica that crashes mid-send loses only its
/// lease, and another sends again after it (at least once, same <c>webhook-id</c>).
/// </summary>
public sealed class DeliveryWorker(IServiceScopeFactory scopes, IOptions<WebhooksOptions> options, TimeProvider clock, ILogger<DeliveryWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private bool _configSeeded;

    /// <returns>How many deliveries this round attempted.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        List<WebhookDelivery> claimed;
        Dictionary<Guid, WebhookEndpoint> endpoints;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebhookDbContext>();
            if (!_configSeeded)
            {
                await scope.ServiceProvider.GetRequiredService<ConfiguredEndpoints>().UpsertAsync(cancellationToken);
                _configSeeded = true;
            }
            var now = clock.GetUtcNow();
            var o = options.Value;
            claimed = await db.Deliveries.FromSql($"""
                UPDATE webhook_dispatch.deliveries SET lease_until = {now + Lease}
                WHERE id IN (
                    SELECT d.id FROM webhook_dispatch.endpoints e
                    CROSS JOIN LATERAL (
                        SELECT id FROM webhook_dispatch.deliveries
                        WHERE endpoint_id = e.id AND status = 'pending' AND next_attempt_at <= {now}
                          AND (lease_until IS NULL OR lease_until < {now})
                        ORDER BY next_attempt_at LIMIT {o.PerEndpoint}
                        FOR UPDATE SKIP LOCKED) d
                    WHERE e.enabled
                    LIMIT {o.BatchSize})
                RETURNING *
                """).AsNoTracking().ToListAsync(cancellationToken);
            if (claimed.Count == 0) return 0;
            var ids = claimed.Select(d => d.EndpointId).Distinct().ToList();
            endpoints = await db.Endpoints.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        }
        await Task.WhenAll(claimed.Select(d => AttemptAsync(d, endpoints[d.EndpointId], cancellationToken)));
        return claimed.Count;
    }

    private async Task AttemptAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        // Continue the bounce's trace: ingest -> state -> this send, across the stored queue.
        using var activity = BounceTracing.Source.StartActivity("webhook deliver", ActivityKind.Internal, delivery.TraceParent);
        activity?.SetTag("webhook.message_id", delivery.MessageId);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var secrets = services.GetRequiredService<EndpointSecrets>().ValidNow(endpoint);
        var outcome = await services.GetRequiredService<WebhookSender>()
            .SendAsync(endpoint.Url, delivery.MessageId, delivery.Payload, secrets, cancellationToken);
        await services.GetRequiredService<DeliveryOutcomes>().RecordAsync(delivery, endpoint, outcome, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // A full batch means more may be waiting: go again at once.
                while (await SendDueAsync(stoppingToken) >= options.Value.BatchSize) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Sending due webhooks failed; trying again in {Interval}", options.Value.PollInterval);
            }
        }
    }
}
