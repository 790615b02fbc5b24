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

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> EventsIngested =
        Meter.CreateCounter<long>(EventsIngestedName, "{event}", "Events the broker confirmed, by provider and kind.");
    private static readonly Histogram<double> PublishDuration =
        Meter.CreateHistogram<double>(PublishDurationName, "s", "Time from publishing a request's events to the broker's confirms.");
    private static readonly Counter<long> StatusChanges =
        Meter.CreateCounter<long>(StatusChangesName, "{change}", "Subscriber status flips caused by consumed outcomes, by cause.");
    private static readonly Counter<long> WebhookAttempts =
        Meter.CreateCounter<long>(WebhookAttemptsName, "{attempt}", "Webhook sends to one CRM endpoint (HTTP retries included), by outcome.");
    private static readonly Histogram<double> WebhookDuration =
        Meter.CreateHistogram<double>(WebhookDurationName, "s", "Time of one webhook send to one CRM endpoint, HTTP retries included, by outcome.");

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
}
