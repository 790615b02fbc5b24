using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BounceService.Contracts;
using BounceService.Testing;
using BounceService.WebhookDispatch.Crm;
using MassTransit;
using MassTransit.Testing;

namespace BounceService.WebhookDispatch.Tests;

[Collection(DispatchServiceCollection.Name)]
public sealed class SubscriberStatusChangedConsumerTests(DispatchServiceFixture fixture)
{
    internal static string NewList() => $"list-{Guid.NewGuid():N}";

    internal static SubscriberStatusChanged Change(string listUid, string status = SubscriberStatuses.Bounced, string cause = "hard_bounce") =>
        WebhookPayloadTests.Change($"w-{Guid.NewGuid():N}@example.com", status, cause) with { ListUid = listUid };

    private async Task PublishAsync(SubscriberStatusChanged change)
    {
        await fixture.Factory.Services.GetTestHarness().Bus.Publish(change);
        await fixture.Recorder.WaitForConsumedAsync<SubscriberStatusChanged>(c => c.ChangeId == change.ChangeId, 1);
    }

    internal static async Task<List<JsonElement>> DeliveriesAsync(HttpClient client, Guid endpointId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/v1/webhook-deliveries?endpoint_id={endpointId}")).GetProperty("items").EnumerateArray().ToList();

    internal static async Task<List<JsonElement>> UntilAsync(HttpClient client, Guid endpointId, Func<List<JsonElement>, bool> done, int seconds = 20)
    {
        try
        {
            return await Eventually.GetAsync(() => DeliveriesAsync(client, endpointId), done, TimeSpan.FromSeconds(seconds), "deliveries");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; deliveries: {JsonSerializer.Serialize(await DeliveriesAsync(client, endpointId))}", ex);
        }
    }

    private static string Status(JsonElement delivery) => delivery.GetProperty("status").GetString()!;

    private static List<int?> Codes(JsonElement delivery) => delivery.GetProperty("attempt_log").EnumerateArray()
        .Select(a => a.GetProperty("status_code").ValueKind == JsonValueKind.Null ? (int?)null : a.GetProperty("status_code").GetInt32()).ToList();

    [Fact]
    public async Task Failing_twice_then_accepted_is_retried_with_a_stable_id_and_every_attempt_recorded()
    {
        await using var crm = await CrmStandIn.StartAsync();
        var list = NewList();
        var endpoint = await fixture.RegisterAsync(crm, list);
        crm.Answers.Enqueue(HttpStatusCode.InternalServerError);
        crm.Answers.Enqueue(HttpStatusCode.BadGateway);
        var change = Change(list);

        await PublishAsync(change);
        await PublishAsync(change); // the bus redelivers: nothing is added
        var deliveries = await UntilAsync(fixture.Client, endpoint.Id, d => d.Count == 1 && Status(d[0]) == "succeeded");

        Assert.Equal([500, 502, 200], Codes(deliveries[0]));
        Assert.Equal(3, crm.Requests.Count);
        var id = Assert.Single(crm.Requests.Select(r => r.Headers["webhook-id"]).Distinct());
        Assert.Equal($"msg_{change.ChangeId:N}", id);
        foreach (var request in crm.Requests)
        {
            var timestamp = long.Parse(request.Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(WebhookSigner.Sign(endpoint.Secret, id, timestamp, request.Body), request.Headers["webhook-signature"]);
        }
        using var body = JsonDocument.Parse(crm.Requests.First().Body);
        Assert.Equal("subscriber.bounced", body.RootElement.GetProperty("event").GetString());
        Assert.Equal(change.Email, body.RootElement.GetProperty("subscriber_email").GetString());
    }

    [Fact]
    public async Task Configured_endpoint_receives_every_list_signed_with_its_secret()
    {
        var change = Change(NewList(), SubscriberStatuses.Unsubscribed, "unsubscribe");

        await PublishAsync(change);
        var request = await Eventually.GetAsync(
            () => Task.FromResult(fixture.Crm.Requests.FirstOrDefault(r => r.Body.Contains(change.Email, StringComparison.Ordinal))),
            r => r is not null);

        var timestamp = long.Parse(request!.Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(WebhookSigner.Sign(DispatchServiceFixture.Secret, request.Headers["webhook-id"], timestamp, request.Body), request.Headers["webhook-signature"]);
    }

    [Fact]
    public async Task Failing_every_attempt_ends_dead_after_the_schedule()
    {
        await using var crm = await CrmStandIn.StartAsync();
        var list = NewList();
        var endpoint = await fixture.RegisterAsync(crm, list);
        crm.Fallback = c => { c.Response.StatusCode = 500; return Task.CompletedTask; };

        await PublishAsync(Change(list));
        var deliveries = await UntilAsync(fixture.Client, endpoint.Id, d => d.Count == 1 && Status(d[0]) == "dead");

        Assert.Equal([500, 500, 500], Codes(deliveries[0]));
    }

    [Fact]
    public async Task Gone_disables_the_endpoint_and_ends_its_deliveries()
    {
        await using var crm = await CrmStandIn.StartAsync();
        var list = NewList();
        var endpoint = await fixture.RegisterAsync(crm, list);
        crm.Answers.Enqueue(HttpStatusCode.Gone);

        await PublishAsync(Change(list));
        await UntilAsync(fixture.Client, endpoint.Id, d => d.Count == 1 && Status(d[0]) == "dead");

        var view = await fixture.Client.GetFromJsonAsync<JsonElement>($"/v1/webhook-endpoints/{endpoint.Id}");
        Assert.False(view.GetProperty("enabled").GetBoolean());
        Assert.Contains("410", view.GetProperty("disabled_reason").GetString());
        await PublishAsync(Change(list)); // a disabled endpoint gets nothing new
        Assert.Single(await DeliveriesAsync(fixture.Client, endpoint.Id));
        Assert.Single(crm.Requests);
    }

    [Fact]
    public async Task Retry_after_on_429_pushes_the_next_attempt_out()
    {
        await using var crm = await CrmStandIn.StartAsync();
        var list = NewList();
        var endpoint = await fixture.RegisterAsync(crm, list);
        crm.Responders.Enqueue(c =>
        {
            c.Response.StatusCode = 429;
            c.Response.Headers.RetryAfter = "2";
            return Task.CompletedTask;
        });

        await PublishAsync(Change(list));
        await UntilAsync(fixture.Client, endpoint.Id, d => d.Count == 1 && Status(d[0]) == "succeeded");

        var times = crm.Requests.Select(r => r.At).ToList();
        Assert.Equal(2, times.Count);
        Assert.InRange(times[1] - times[0], TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(10)); // the schedule alone says 200 ms
    }

    [Fact]
    public async Task Hanging_crm_times_out_and_the_next_attempt_goes_through()
    {
        await using var crm = await CrmStandIn.StartAsync();
        var list = NewList();
        var endpoint = await fixture.RegisterAsync(crm, list);
        crm.Responders.Enqueue(c => Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted));

        await PublishAsync(Change(list));
        var deliveries = await UntilAsync(fixture.Client, endpoint.Id, d => d.Count == 1 && Status(d[0]) == "succeeded");

        var first = deliveries[0].GetProperty("attempt_log")[0];
        Assert.Equal("timed out", first.GetProperty("error").GetString());
        Assert.InRange(first.GetProperty("latency_ms").GetInt32(), 900, 5000);
    }

    [Fact]
    public async Task Redirect_is_not_followed_and_counts_as_failure()
    {
        await using var crm = await CrmStandIn.StartAsync();
        var list = NewList();
        var endpoint = await fixture.RegisterAsync(crm, list);
        crm.Responders.Enqueue(c =>
        {
            c.Response.StatusCode = 302;
            c.Response.Headers.Location = crm.Url + "/elsewhere";
            return Task.CompletedTask;
        });

        await PublishAsync(Change(list));
        var deliveries = await UntilAsync(fixture.Client, endpoint.Id, d => d.Count == 1 && Status(d[0]) == "succeeded");

        Assert.Equal([302, 200], Codes(deliveries[0]));
        Assert.DoesNotContain(crm.Requests, r => r.Path.EndsWith("/elsewhere", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hanging_endpoint_does_not_delay_another()
    {
        await using var slow = await CrmStandIn.StartAsync();
        await using var fast = await CrmStandIn.StartAsync();
        slow.Fallback = c => Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted);
        var list = NewList();
        await fixture.RegisterAsync(slow, list);
        var healthy = await fixture.RegisterAsync(fast, list);

        var started = DateTimeOffset.UtcNow;
        foreach (var change in Enumerable.Range(0, 8).Select(_ => Change(list))) await PublishAsync(change);
        await UntilAsync(fixture.Client, healthy.Id, d => d.Count == 8 && d.All(x => Status(x) == "succeeded"), seconds: 10);

        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(5), "the healthy endpoint waited for the hanging one");
    }

    [Fact]
    public async Task Recover_resends_dead_deliveries_and_replay_sends_again_with_the_same_id()
    {
        await using var crm = await CrmStandIn.StartAsync();
        var list = NewList();
        var endpoint = await fixture.RegisterAsync(crm, list);
        for (var i = 0; i < 3; i++) crm.Answers.Enqueue(HttpStatusCode.ServiceUnavailable);
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);

        await PublishAsync(Change(list));
        await UntilAsync(fixture.Client, endpoint.Id, d => d.Count == 1 && Status(d[0]) == "dead");
        var recover = await fixture.Client.PostAsync($"/v1/webhook-endpoints/{endpoint.Id}/recover?since={Uri.EscapeDataString(since.ToString("O"))}", null);
        Assert.Equal(HttpStatusCode.Accepted, recover.StatusCode);
        var deliveries = await UntilAsync(fixture.Client, endpoint.Id, d => d.Count == 1 && Status(d[0]) == "succeeded");
        Assert.Equal(4, crm.Requests.Count);

        var replay = await fixture.Client.PostAsync($"/v1/webhook-deliveries/{deliveries[0].GetProperty("id").GetGuid()}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await Eventually.GetAsync(() => Task.FromResult(crm.Requests.Count), n => n == 5);
        await UntilAsync(fixture.Client, endpoint.Id, d => Status(d[0]) == "succeeded");
        Assert.Single(crm.Requests.Select(r => r.Headers["webhook-id"]).Distinct());
    }

    [Fact]
    public async Task Reactivation_is_sent_as_subscriber_reactivated_to_endpoints_that_want_it()
    {
        await using var crm = await CrmStandIn.StartAsync();
        var list = NewList();
        var endpoint = await fixture.RegisterAsync(crm, list, "subscriber.reactivated");

        await PublishAsync(Change(list)); // bounced: not wanted
        await PublishAsync(Change(list, SubscriberStatuses.Subscribed, "reactivated"));
        var deliveries = await UntilAsync(fixture.Client, endpoint.Id, d => d.Count == 1 && Status(d[0]) == "succeeded");

        Assert.Equal("subscriber.reactivated", deliveries[0].GetProperty("event_type").GetString());
        Assert.Contains("\"event\":\"subscriber.reactivated\"", Assert.Single(crm.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_mid_schedule_loses_nothing()
    {
        await using var crm = await CrmStandIn.StartAsync();
        crm.Answers.Enqueue(HttpStatusCode.InternalServerError);
        var database = await fixture.NewDatabaseAsync();
        void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder web)
        {
            web.UseSetting("Webhooks:Endpoints:0:Url", crm.Url);
            web.UseSetting("Webhooks:RetrySchedule:1", "00:00:03"); // the retry falls after the restart
        }
        var change = Change(NewList());

        var first = DispatchServiceFixture.Start(database, Configure);
        await first.Services.GetTestHarness().Start();
        await DispatchServiceFixture.ConfiguredEndpointStoredAsync(first.CreateClient());
        await first.Services.GetTestHarness().Bus.Publish(change);
        using var firstClient = first.CreateClient();
        await Eventually.GetAsync( // the failed attempt is recorded and the retry scheduled
            async () => (await firstClient.GetFromJsonAsync<JsonElement>("/v1/webhook-deliveries?status=pending")).GetProperty("items").EnumerateArray().ToList(),
            d => d.Count == 1 && d[0].GetProperty("attempts").GetInt32() == 1);
        await first.DisposeAsync();
        LogContext.Current = null; // MassTransit keeps the disposed host's logger in an AsyncLocal of this flow

        await using var second = DispatchServiceFixture.Start(database, Configure);
        await second.Services.GetTestHarness().Start();
        await Eventually.GetAsync(() => Task.FromResult(crm.Requests.Count), n => n == 2, TimeSpan.FromSeconds(15));

        Assert.Single(crm.Requests.Select(r => r.Headers["webhook-id"]).Distinct());
        Assert.Contains(change.Email, crm.Requests.Last().Body, StringComparison.Ordinal);
    }
}
