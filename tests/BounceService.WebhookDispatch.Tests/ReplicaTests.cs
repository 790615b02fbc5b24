using System.Net.Http.Json;
using BounceService.Testing;
using MassTransit.Testing;

namespace BounceService.WebhookDispatch.Tests;

/// <summary>Several dispatcher replicas on one database send each delivery once (leases, SKIP LOCKED).</summary>
[Collection(DispatchServiceCollection.Name)]
public sealed class ReplicaTests(DispatchServiceFixture fixture)
{
    [Fact]
    public async Task Three_replicas_send_each_delivery_exactly_once()
    {
        await using var crm = await CrmStandIn.StartAsync();
        var database = await fixture.NewDatabaseAsync();
        await using var first = DispatchServiceFixture.Start(database);
        await using var second = DispatchServiceFixture.Start(database);
        await using var third = DispatchServiceFixture.Start(database);
        foreach (var replica in new[] { first, second, third }) await replica.Services.GetTestHarness().Start();
        var list = SubscriberStatusChangedConsumerTests.NewList();
        (await first.CreateClient().PostAsJsonAsync("/v1/webhook-endpoints", new { url = crm.Url, event_types = new[] { "subscriber.bounced" }, list_uids = new[] { list } }))
            .EnsureSuccessStatusCode();
        var changes = Enumerable.Range(0, 60).Select(_ => SubscriberStatusChangedConsumerTests.Change(list)).ToList();

        // Each replica's bus gets a third of the changes; all three workers poll the same table.
        await Task.WhenAll(changes.Select((c, i) => new[] { first, second, third }[i % 3].Services.GetTestHarness().Bus.Publish(c)));
        await Eventually.GetAsync(() => Task.FromResult(crm.Requests.Count), n => n >= changes.Count, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second send of any of them would show by now

        var ids = crm.Requests.Select(r => r.Headers["webhook-id"]).ToList();
        Assert.Equal(changes.Count, ids.Count);
        Assert.Equal(changes.Count, ids.Distinct().Count());
    }
}
