using System.Net.Http.Json;
using System.Text.Json;
using BounceService.Contracts;
using BounceService.Testing;
using MassTransit.Testing;

namespace BounceService.WebhookDispatch.Tests;

[Collection(DispatchServiceCollection.Name)]
public sealed class AnnouncementsConsumerTests(DispatchServiceFixture fixture)
{
    private async Task<JsonElement> ReceivedAsync(CrmStandIn crm, string marker) =>
        JsonDocument.Parse((await Eventually.GetAsync(
            () => Task.FromResult(crm.Requests.FirstOrDefault(r => r.Body.Contains(marker, StringComparison.Ordinal))),
            r => r is not null, what: $"a webhook with {marker}"))!.Body).RootElement.Clone();

    [Fact]
    public async Task Due_retry_is_delivered_as_delivery_retry_due_to_endpoints_that_asked()
    {
        await using var crm = await CrmStandIn.StartAsync();
        var list = SubscriberStatusChangedConsumerTests.NewList();
        await fixture.RegisterAsync(crm, list, "delivery.retry_due");
        var retry = new DeliveryRetryDue(Guid.NewGuid(), $"r-{Guid.NewGuid():N}@example.com", list, "camp-1", "mta-1", 2,
            DateTimeOffset.UtcNow, "evt-1");

        await fixture.Factory.Services.GetTestHarness().Bus.Publish(retry);
        var body = await ReceivedAsync(crm, retry.Email);

        Assert.Equal(("delivery.retry_due", list, 2, "mta-1"),
            (body.GetProperty("event").GetString(), body.GetProperty("list_uid").GetString(), body.GetProperty("attempt").GetInt32(),
             body.GetProperty("sending_server").GetString()));
    }

    [Fact]
    public async Task Alert_is_delivered_as_alert_raised_to_endpoints_without_a_list_filter()
    {
        await using var crm = await CrmStandIn.StartAsync();
        var registered = await fixture.Client.PostAsJsonAsync("/v1/webhook-endpoints", new { url = crm.Url, event_types = new[] { "alert.raised" } });
        registered.EnsureSuccessStatusCode();
        var alert = new AlertRaised($"userunknown_spike:campaign:{Guid.NewGuid():N}", "userunknown_spike", "campaign", "c-1", 12, 100, 0.12, 0.10,
            "Pause; verify the list.", DateTimeOffset.UtcNow);

        await fixture.Factory.Services.GetTestHarness().Bus.Publish(alert);
        var body = await ReceivedAsync(crm, alert.Key);

        Assert.Equal(("alert.raised", "userunknown_spike", 0.12), (body.GetProperty("event").GetString(), body.GetProperty("rule").GetString(), body.GetProperty("rate").GetDouble()));
    }
}
