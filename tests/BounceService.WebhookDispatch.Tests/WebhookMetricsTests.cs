using System.Net;
using BounceService.Contracts;
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
    private async Task DispatchAsync(SubscriberStatusChanged change)
    {
        await fixture.Factory.Services.GetTestHarness().Bus.Publish(change);
        await Eventually.GetAsync(
            () => Task.FromResult(fixture.Recorder.Consumed<SubscriberStatusChanged>().Count(c => c.ChangeId == change.ChangeId)
                + fixture.Recorder.Faults<SubscriberStatusChanged>().Count(f => f.Message.ChangeId == change.ChangeId)),
            count => count > 0);
    }

    [Fact]
    public async Task Each_send_is_counted_and_timed_by_outcome()
    {
        using var attempts = new MetricRecorder(BounceMetrics.WebhookAttemptsName);
        using var durations = new MetricRecorder(BounceMetrics.WebhookDurationName);

        await DispatchAsync(WebhookPayloadTests.Change($"m-{Guid.NewGuid():N}@example.com", SubscriberStatuses.Bounced));
        // A 4xx is not retried: one send, rejected (and the message faults).
        fixture.Crm.Answers.Enqueue(HttpStatusCode.BadRequest);
        await DispatchAsync(WebhookPayloadTests.Change($"m-{Guid.NewGuid():N}@example.com", SubscriberStatuses.Bounced));

        Assert.Equal(1, attempts.Sum(("outcome", "delivered")));
        Assert.Equal(1, attempts.Sum(("outcome", "rejected")));
        Assert.Equal(2, durations.Measurements.Count);
        Assert.All(durations.Measurements, d => Assert.InRange(d.Value, 0, 10));
    }
}
