using System.Diagnostics.Metrics;

namespace BounceService.Ingest.Providers;

/// <summary>The service's counters (meter <c>BounceService</c>, exported by the service defaults).</summary>
public sealed class IngestMetrics
{
    public const string MeterName = BounceService.ServiceDefaults.BounceMetrics.MeterName;
    public const string AuthFailuresName = "bounceservice.ingest.auth_failures";
    public const string IgnoredEventsName = "bounceservice.ingest.ignored_events";

    private readonly Counter<long> _authFailures;
    private readonly Counter<long> _ignoredEvents;

    public IngestMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _authFailures = meter.CreateCounter<long>(AuthFailuresName, "{request}", "Provider callbacks refused as unauthenticated.");
        _ignoredEvents = meter.CreateCounter<long>(IgnoredEventsName, "{event}", "Provider events that carry no bounce, complaint or delivery.");
    }

    public void AuthFailed(string provider) => _authFailures.Add(1, new KeyValuePair<string, object?>("provider", provider));

    public void Ignored(string provider, string eventType) => _ignoredEvents.Add(1,
        new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("event_type", eventType));
}
