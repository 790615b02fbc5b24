using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BounceService.Testing;
using BounceService.WebhookDispatch.Crm;
using MassTransit.Testing;

namespace BounceService.WebhookDispatch.Tests;

[Collection(DispatchServiceCollection.Name)]
public sealed class WebhookEndpointApiTests(DispatchServiceFixture fixture)
{
    [Theory]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://10.0.0.1/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hooks")]
    [InlineData("https://localhost/hooks")]
    [InlineData("http://crm.example.com/hooks")]
    [InlineData("ftp://crm.example.com/hooks")]
    public async Task Non_public_or_non_https_destination_is_refused_with_422(string url)
    {
        // No allow-list here, unlike the fixture's service, which must reach its loopback CRMs.
        await using var strict = DispatchServiceFixture.Start(fixture.Database, web =>
        {
            web.UseSetting("Webhooks:AllowedHosts:0", "192.0.2.1"); // replaces the fixture's 127.0.0.1
            web.UseSetting("Webhooks:PollInterval", "00:10:00");
        });
        await strict.Services.GetTestHarness().Start();

        var response = await strict.CreateClient().PostAsJsonAsync("/v1/webhook-endpoints", new { url, event_types = new[] { "subscriber.bounced" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_event_type_is_refused_with_422()
    {
        var response = await fixture.Client.PostAsJsonAsync("/v1/webhook-endpoints", new { url = fixture.Crm.Url, event_types = new[] { "subscriber.vanished" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Secret_is_returned_once_and_changes_are_kept()
    {
        await using var crm = await CrmStandIn.StartAsync();
        var endpoint = await fixture.RegisterAsync(crm, SubscriberStatusChangedConsumerTests.NewList());

        Assert.StartsWith("whsec_", endpoint.Secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(endpoint.Secret["whsec_".Length..]).Length);
        var patched = await fixture.Client.PatchAsJsonAsync($"/v1/webhook-endpoints/{endpoint.Id}",
            new { description = "CRM A", event_types = new[] { "subscriber.bounced", "alert.raised" }, enabled = false });
        patched.EnsureSuccessStatusCode();
        var view = await fixture.Client.GetFromJsonAsync<JsonElement>($"/v1/webhook-endpoints/{endpoint.Id}");
        Assert.Equal(JsonValueKind.Null, view.GetProperty("secret").ValueKind);
        Assert.Equal("CRM A", view.GetProperty("description").GetString());
        Assert.False(view.GetProperty("enabled").GetBoolean());
        Assert.Equal(2, view.GetProperty("event_types").GetArrayLength());
        var all = await fixture.Client.GetFromJsonAsync<List<JsonElement>>("/v1/webhook-endpoints");
        Assert.All(all!, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("secret").ValueKind));

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Client.DeleteAsync($"/v1/webhook-endpoints/{endpoint.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.GetAsync($"/v1/webhook-endpoints/{endpoint.Id}")).StatusCode);
    }

    [Fact]
    public async Task After_rotation_each_request_is_signed_with_the_new_and_the_old_secret()
    {
        await using var crm = await CrmStandIn.StartAsync();
        var list = SubscriberStatusChangedConsumerTests.NewList();
        var endpoint = await fixture.RegisterAsync(crm, list);
        var rotated = await (await fixture.Client.PostAsync($"/v1/webhook-endpoints/{endpoint.Id}/rotate-secret", null))
            .Content.ReadFromJsonAsync<JsonElement>();
        var secret = rotated.GetProperty("secret").GetString()!;
        Assert.NotEqual(endpoint.Secret, secret);

        await fixture.Factory.Services.GetTestHarness().Bus.Publish(SubscriberStatusChangedConsumerTests.Change(list));
        var request = await Eventually.GetAsync(() => Task.FromResult(crm.Requests.FirstOrDefault()), r => r is not null);

        var id = request!.Headers["webhook-id"];
        var timestamp = long.Parse(request.Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            [WebhookSigner.Sign(secret, id, timestamp, request.Body), WebhookSigner.Sign(endpoint.Secret, id, timestamp, request.Body)],
            request.Headers["webhook-signature"].Split(' '));
    }
}
