using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BounceService.Testing;
using MassTransit.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BounceService.WebhookDispatch.Tests;

/// <summary>An endpoint that keeps failing for <c>Webhooks:DisableAfter</c> is disabled; the clock is moved, not waited for.</summary>
[Collection(DispatchServiceCollection.Name)]
public sealed class EndpointDisablingTests(DispatchServiceFixture fixture)
{
    private sealed class MovableClock : TimeProvider
    {
        public TimeSpan Ahead { get; set; }
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Ahead;
    }

    [Fact]
    public async Task Endpoint_failing_for_the_disable_span_is_disabled()
    {
        await using var crm = await CrmStandIn.StartAsync();
        for (var i = 0; i < 100; i++) crm.Answers.Enqueue(HttpStatusCode.InternalServerError);
        var clock = new MovableClock();
        await using var factory = DispatchServiceFixture.Start(await fixture.NewDatabaseAsync(), web =>
        {
            web.UseSetting("Webhooks:DisableAfter", "01:00:00");
            for (var i = 0; i < 10; i++) web.UseSetting($"Webhooks:RetrySchedule:{i}", "00:00:00.100");
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        await factory.Services.GetTestHarness().Start();
        var client = factory.CreateClient();
        var list = SubscriberStatusChangedConsumerTests.NewList();
        var created = await client.PostAsJsonAsync("/v1/webhook-endpoints", new { url = crm.Url, event_types = new[] { "subscriber.bounced" }, list_uids = new[] { list } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        async Task<JsonElement> EndpointAsync() => await client.GetFromJsonAsync<JsonElement>($"/v1/webhook-endpoints/{id}");

        await factory.Services.GetTestHarness().Bus.Publish(SubscriberStatusChangedConsumerTests.Change(list));
        var failing = await Eventually.GetAsync(EndpointAsync, e => e.GetProperty("failing_since").ValueKind != JsonValueKind.Null);
        clock.Ahead = TimeSpan.FromHours(2);
        var disabled = await Eventually.GetAsync(EndpointAsync, e => !e.GetProperty("enabled").GetBoolean());

        Assert.True(failing.GetProperty("enabled").GetBoolean());
        Assert.False(string.IsNullOrEmpty(disabled.GetProperty("disabled_reason").GetString()));
    }
}
