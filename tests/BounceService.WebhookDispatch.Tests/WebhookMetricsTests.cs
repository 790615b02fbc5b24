using System.Net;
using BounceService.ServiceDefaults;
using BounceService.Testing;
using MassTransit.Testing;

namespace BounceService.WebhookDispatch.Tests;

/// <summary>Counts are exact, so this collection runs alone: no other test sends webhooks while it listens.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<DispatchServiceFixture>
{
    public const string Name = "webhook-dispatch metrics";
}

[Collection(MetricsCollection.Name)]
public sealed class WebhookMetricsTests(DispatchServiceFixture fixture)
{
    [Fact]
    public async Task Each_send_is_counted_and_timed_by_outcome()
    {
        await using var crm = await CrmStandIn.StartAsync();
        var list = SubscriberStatusChangedConsumerTests.NewList();
        var endpoint = await fixture.RegisterAsync(crm, list);
        using var attempts = new MetricRecorder(BounceMetrics.WebhookAttemptsName);
        using var durations = new MetricRecorder(BounceMetrics.WebhookDurationName);
        crm.Answers.Enqueue(HttpStatusCode.BadRequest); // the registered endpoint refuses once, then accepts
        var change = SubscriberStatusChangedConsumerTests.Change(list);

        await fixture.Factory.Services.GetTestHarness().Bus.Publish(change);
        await SubscriberStatusChangedConsumerTests.UntilAsync(fixture.Client, endpoint.Id,
            d => d.Count == 1 && d[0].GetProperty("status").GetString() == "succeeded");
        // The configuration endpoint receives every change too.
        await Eventually.GetAsync(() => Task.FromResult(fixture.Crm.Requests.Count(r => r.Body.Contains(change.Email, StringComparison.Ordinal))), n => n == 1);

        Assert.Equal(1, attempts.Sum(("outcome", "rejected")));
        Assert.Equal(2, attempts.Sum(("outcome", "delivered")));
        Assert.Equal(3, durations.Measurements.Count);
        Assert.All(durations.Measurements, d => Assert.InRange(d.Value, 0, 10));
    }
}
