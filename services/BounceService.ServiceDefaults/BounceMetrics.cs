using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BounceService.ServiceDefaults;

/// <summary>
/// The services' own instruments on meter <c>BounceService</c> (exported by <see cref="Extensions.AddServiceDefaults"/>).
/// Static because they are process-wide counters with no dependencies; tags are low-cardinality names only.
/// </summary>
public static class BounceMetrics
{
    public const string MeterName = "BounceService";
    public const string EventsIngestedName = "bounceservice.ingest.events";
    public const string PublishDurationName = "bounceservice.ingest.publish.duration";
    public const string StatusChangesName = "bounceservice.state.status_changes";
    public const string WebhookAttemptsName = "bounceservice.webhook.attempts";
    public const string WebhookDurationName = "bounceservice.webhook.duration";
    public const string WebhookDeadLettersName = "bounceservice.webhook.dead_letters";
    public const string ConsumeLagName = "bounceservice.bus.consume.lag";
    public const string BusDeadLettersName = "bounceservice.bus.dead_letters";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> EventsIngested =
        Meter.CreateCounter<long>(EventsIngestedName, "{event}", "Events the broker confirmed, by provider and kind.");
    private static readonly Histogram<double> PublishDuration =
        Meter.CreateHistogram<double>(PublishDurationName, "s", "Time from publishing a request's events to the broker's confirms.");
    private static readonly Counter<long> StatusChanges =
        Meter.CreateCounter<long>(StatusChangesName, "{change}", "Subscriber status flips (outcomes, manual and automatic reactivation), by cause and new status.");
    private static readonly Counter<long> WebhookAttempts =
        Meter.CreateCounter<long>(WebhookAttemptsName, "{attempt}", "Webhook sends to one CRM endpoint (HTTP retries included), by outcome.");
    private static readonly Histogram<double> WebhookDuration =
        Meter.CreateHistogram<double>(WebhookDurationName, "s", "Time of one webhook send to one CRM endpoint, HTTP retries included, by outcome.");

    private static readonly Counter<long> WebhookDeadLetters =
        Meter.CreateCounter<long>(WebhookDeadLettersName, "{delivery}", "Webhook deliveries given up (dead), by reason.");
    private static readonly Histogram<double> ConsumeLag =
        Meter.CreateHistogram<double>(ConsumeLagName, "s", "Time from a bus message's sending to the start of its successful consumption, by consumer and message type.");
    private static readonly Counter<long> BusDeadLetters =
        Meter.CreateCounter<long>(BusDeadLettersName, "{message}", "Bus messages whose consumer still failed after its retries (moved to the _error queue), by consumer and message type.");

    public static void EventIngested(string provider, string kind) =>
        EventsIngested.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("kind", kind));

    /// <param name="started">A <see cref="Stopwatch.GetTimestamp"/> value.</param>
    /// <param name="outcome"><c>confirmed</c> or <c>failed</c>.</param>
    public static void Published(long started, string outcome) =>
        PublishDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    public static void StatusChanged(string cause, string newStatus) =>
        StatusChanges.Add(1, new KeyValuePair<string, object?>("cause", cause), new KeyValuePair<string, object?>("status", newStatus));

    /// <param name="started">A <see cref="Stopwatch.GetTimestamp"/> value.</param>
    /// <param name="outcome"><c>delivered</c> (2xx), <c>rejected</c> (another status) or <c>failed</c> (no answer).</param>
    public static void WebhookAttempted(long started, string outcome)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        WebhookAttempts.Add(1, tag);
        WebhookDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
    }

    /// <param name="reason"><c>retries_exhausted</c>, <c>gone</c> (the CRM answered 410) or <c>endpoint_disabled</c>.</param>
    public static void WebhooksDeadLettered(string reason, long count = 1)
    {
        if (count > 0) WebhookDeadLetters.Add(count, new KeyValuePair<string, object?>("reason", reason));
    }

    public static void Consumed(TimeSpan lag, string consumer, string messageType) =>
        ConsumeLag.Record(lag.TotalSeconds, new KeyValuePair<string, object?>("consumer", consumer), new KeyValuePair<string, object?>("message_type", messageType));

    /// <param name="consumer">The consumer class, or the queue of a message that no consumer could read.</param>
    public static void BusMessageDeadLettered(string consumer, string messageType) =>
        BusDeadLetters.Add(1, new KeyValuePair<string, object?>("consumer", consumer), new KeyValuePair<string, object?>("message_type", messageType));
}
