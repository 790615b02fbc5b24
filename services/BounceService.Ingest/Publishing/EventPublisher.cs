using System.Diagnostics;
using BounceService.Contracts;
using BounceService.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Options;

namespace BounceService.Ingest.Publishing;

/// <summary>
/// Publishes a request's events and returns only once the broker confirmed every one of them (publisher
/// confirms on durable quorum queues), so that a 2xx can promise the events are stored.
/// </summary>
public sealed class EventPublisher(IPublishEndpoint publisher, IOptions<IngestOptions> options, ILogger<EventPublisher> logger)
{
    /// <returns>False when the broker did not confirm in time; some events may then be stored and some not,
    /// which is safe because consumers are idempotent on the event id and the provider retries.</returns>
    public async Task<bool> TryPublishAsync(IReadOnlyList<BounceClassified> events, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await Task.WhenAll(events.Select(e => publisher.Publish(e, timeout.Token)));
            BounceMetrics.Published(started, "confirmed");
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            BounceMetrics.Published(started, "failed");
            logger.LogWarning(ex, "The broker did not confirm {Count} event(s); answering 503", events.Count);
            return false;
        }
    }
}
