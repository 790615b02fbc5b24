using System.Net.Http.Json;
using BounceService.Contracts;
using BounceService.ServiceDefaults;
using BounceService.SubscriberState.Subscribers;
using BounceService.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BounceService.SubscriberState.Tests;

/// <summary>Counts are exact, so this collection runs alone: no other test consumes while it listens.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<StateServiceFixture>
{
    public const string Name = "subscriber-state metrics";
}

[Collection(MetricsCollection.Name)]
public sealed class StatusChangeMetricsTests(StateServiceFixture fixture) : StateTestBase(fixture)
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private static object Evidence => new { method = "signup_form", reference = "form-123", confirmed_at = "2026-12-01T10:00:00Z" };

    [Fact]
    public async Task Status_flips_are_counted_by_cause_once_even_when_the_event_comes_twice()
    {
        using var flips = new MetricRecorder(BounceMetrics.StatusChangesName);
        using var lag = new MetricRecorder(BounceMetrics.ConsumeLagName);
        var list = Events.NewList();
        var bounce = Events.Hard(Events.NewEmail(), list);

        await ConsumeInOrderAsync(bounce, bounce, Events.Complaint(Events.NewEmail(), list), Events.Soft(Events.NewEmail(), list));

        Assert.Equal(1, flips.Sum(("cause", StatusCauses.HardBounce), ("status", "bounced")));
        Assert.Equal(1, flips.Sum(("cause", StatusCauses.Complaint), ("status", "unsubscribed")));
        Assert.Equal(2, flips.Sum());
        Assert.Equal(4, lag.Measurements.Count(m => m.Tags["consumer"] == "BounceClassifiedConsumer" && m.Tags["message_type"] == "BounceClassified"));
    }

    [Fact]
    public async Task Manual_reactivations_one_by_one_and_in_bulk_are_counted_as_flips()
    {
        var (single, bulk, refused, list) = (Events.NewEmail(), Events.NewEmail(), Events.NewEmail(), Events.NewList());
        await ConsumeInOrderAsync(Events.Hard(single, list), Events.Hard(bulk, list), Events.Hard(refused, list));
        using var flips = new MetricRecorder(BounceMetrics.StatusChangesName);

        (await _client.PostAsJsonAsync($"/v1/subscribers/{single}/reactivate", new { list_uid = list, evidence = Evidence })).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync("/v1/subscribers/reactivate", new
        {
            items = new object[] { new { email = bulk, list_uid = list, evidence = Evidence }, new { email = refused, list_uid = list } },
        })).EnsureSuccessStatusCode();

        Assert.Equal(2, flips.Sum(("cause", StatusCauses.Manual), ("status", SubscriberStatuses.Subscribed)));
        Assert.Equal(2, flips.Sum());
    }

    [Fact]
    public async Task Auto_reactivations_are_counted_as_flips()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());
        await ConsumeInOrderAsync(Events.Soft(email, list), Events.Soft(email, list), Events.Soft(email, list), Events.Soft(email, list));
        (await _client.PostAsJsonAsync($"/v1/subscribers/{email}/activity", new { occurred_at = DateTimeOffset.UtcNow.AddDays(-1) })).EnsureSuccessStatusCode();
        using var flips = new MetricRecorder(BounceMetrics.StatusChangesName);

        // The job takes every candidate in the shared database, so compare with what it says it did.
        var reactivated = await Fixture.Factory.Services.GetRequiredService<AutoReactivation>().RunAsync(CancellationToken.None);

        Assert.Equal(StatusCauses.Reactivated, (await SubscriberAsync(list, email))?.StatusCause);
        Assert.InRange(reactivated, 1, int.MaxValue);
        Assert.Equal(reactivated, flips.Sum(("cause", StatusCauses.Reactivated), ("status", SubscriberStatuses.Subscribed)));
        Assert.Equal(reactivated, flips.Sum());
    }
}
