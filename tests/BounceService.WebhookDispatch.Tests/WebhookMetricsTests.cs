using System.Net;
using Microsoft.AspNetCore.Http;
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
        using var lag = new MetricRecorder(BounceMetrics.ConsumeLagName);
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
        var consumed = Assert.Single(lag.Measurements);
        Assert.Equal(("SubscriberStatusChangedConsumer", "SubscriberStatusChanged"), (consumed.Tags["consumer"], consumed.Tags["message_type"]));
    }

    [Fact]
    public async Task Deliveries_given_up_are_counted_as_dead_letters_by_reason()
    {
        await using var failing = await CrmStandIn.StartAsync();
        await using var gone = await CrmStandIn.StartAsync();
        failing.Fallback = c =>
        {
            c.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        };
        gone.Answers.Enqueue(HttpStatusCode.Gone);
        var (failingList, goneList) = (SubscriberStatusChangedConsumerTests.NewList(), SubscriberStatusChangedConsumerTests.NewList());
        var failingEndpoint = await fixture.RegisterAsync(failing, failingList);
        var goneEndpoint = await fixture.RegisterAsync(gone, goneList);
        using var deadLetters = new MetricRecorder(BounceMetrics.WebhookDeadLettersName);

        var bus = fixture.Factory.Services.GetTestHarness().Bus;
        await bus.Publish(SubscriberStatusChangedConsumerTests.Change(failingList));
        await bus.Publish(SubscriberStatusChangedConsumerTests.Change(goneList));
        static bool Dead(List<System.Text.Json.JsonElement> d) => d.Count == 1 && d[0].GetProperty("status").GetString() == "dead";
        await SubscriberStatusChangedConsumerTests.UntilAsync(fixture.Client, failingEndpoint.Id, Dead);
        await SubscriberStatusChangedConsumerTests.UntilAsync(fixture.Client, goneEndpoint.Id, Dead);

        Assert.Equal(1, deadLetters.Sum(("reason", "retries_exhausted")));
        Assert.Equal(1, deadLetters.Sum(("reason", "gone")));
        Assert.Equal(2, deadLetters.Sum());
    }
}
