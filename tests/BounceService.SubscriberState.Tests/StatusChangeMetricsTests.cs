using BounceService.ServiceDefaults;
using BounceService.SubscriberState.Subscribers;
using BounceService.Testing;

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
    [Fact]
    public async Task Status_flips_are_counted_by_cause_once_even_when_the_event_comes_twice()
    {
        using var flips = new MetricRecorder(BounceMetrics.StatusChangesName);
        var list = Events.NewList();
        var bounce = Events.Hard(Events.NewEmail(), list);

        await ConsumeInOrderAsync(bounce, bounce, Events.Complaint(Events.NewEmail(), list), Events.Soft(Events.NewEmail(), list));

        Assert.Equal(1, flips.Sum(("cause", StatusCauses.HardBounce), ("status", "bounced")));
        Assert.Equal(1, flips.Sum(("cause", StatusCauses.Complaint), ("status", "unsubscribed")));
        Assert.Equal(2, flips.Sum());
    }
}
