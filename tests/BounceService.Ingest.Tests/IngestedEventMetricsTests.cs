using System.Net;
using BounceService.ServiceDefaults;
using BounceService.Testing;

namespace BounceService.Ingest.Tests;

/// <summary>Counts are exact, so this class runs alone: no other test ingests while it listens.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "ingest metrics";
}

[Collection(MetricsCollection.Name)]
public sealed class IngestedEventMetricsTests(IngestServiceFixture fixture) : IClassFixture<IngestServiceFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private static string Event(string type, int? smtp = null) =>
        $$"""{"type":"{{type}}","recipient":"{{IngestRequests.NewRecipient()}}","smtp_code":{{smtp?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}},"occurred_at":"2026-12-04T10:00:00Z"}""";

    [Fact]
    public async Task Confirmed_events_are_counted_by_provider_and_kind_and_the_publish_is_timed()
    {
        using var events = new MetricRecorder(BounceMetrics.EventsIngestedName);
        using var publishes = new MetricRecorder(BounceMetrics.PublishDurationName);

        var response = await _client.PostJsonAsync($"[{Event("bounce", 550)},{Event("bounce", 550)},{Event("complaint")}]");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, events.Sum(("provider", "generic"), ("kind", "hard")));
        Assert.Equal(1, events.Sum(("provider", "generic"), ("kind", "complaint")));
        Assert.Equal(3, events.Sum());
        var publish = Assert.Single(publishes.Measurements);
        Assert.Equal("confirmed", publish.Tags["outcome"]);
        Assert.InRange(publish.Value, 0, 10);
    }

    [Fact]
    public async Task Refused_request_counts_no_event()
    {
        using var events = new MetricRecorder(BounceMetrics.EventsIngestedName);

        var response = await _client.PostJsonAsync("""{"type":"bounce"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(events.Measurements);
    }
}
