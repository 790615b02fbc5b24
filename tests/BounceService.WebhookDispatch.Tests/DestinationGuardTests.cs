using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BounceService.Contracts;
using BounceService.Testing;
using BounceService.WebhookDispatch.Crm;
using MassTransit.Testing;
using Microsoft.Extensions.Options;

namespace BounceService.WebhookDispatch.Tests;

public sealed class DestinationGuardTests
{
    private static DestinationGuard Guard(bool allowHttp = false, params string[] allowed) =>
        new(Options.Create(new WebhooksOptions { AllowHttp = allowHttp, AllowedHosts = allowed }));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.5.4")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.251")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Loopback_private_link_local_multicast_and_metadata_addresses_are_not_public(string address) =>
        Assert.False(DestinationGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.216.34")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Internet_addresses_are_public(string address) =>
        Assert.True(DestinationGuard.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void Allow_list_admits_hosts_by_cidr_by_address_and_by_name()
    {
        var guard = Guard(false, "10.20.0.0/16", "192.168.1.7", "crm.internal");

        Assert.True(guard.IsAllowed("whatever", IPAddress.Parse("10.20.3.4")));
        Assert.True(guard.IsAllowed("whatever", IPAddress.Parse("192.168.1.7")));
        Assert.True(guard.IsAllowed("crm.internal", IPAddress.Parse("10.9.9.9")));
        Assert.False(guard.IsAllowed("other.internal", IPAddress.Parse("10.9.9.9")));
        Assert.False(guard.IsAllowed("whatever", IPAddress.Parse("192.168.1.8")));
    }

    [Theory]
    [InlineData("https://crm.example.com/hooks", false, null, true)]
    [InlineData("http://crm.example.com/hooks", false, null, false)]
    [InlineData("http://crm.example.com/hooks", true, null, true)]
    [InlineData("http://127.0.0.1:9000/hooks", false, "127.0.0.1", true)]
    [InlineData("ftp://crm.example.com/", true, null, false)]
    [InlineData("not a url", true, null, false)]
    public void Endpoint_urls_must_be_https_unless_allowed(string url, bool allowHttp, string? allowed, bool accepted) =>
        Assert.Equal(accepted, (allowed is null ? Guard(allowHttp) : Guard(allowHttp, allowed)).ProblemWith(url) is null);
}

/// <summary>The guard on the address actually connected to, with the delivery worker in place.</summary>
[Collection(DispatchServiceCollection.Name)]
public sealed class ConnectTimeGuardTests(DispatchServiceFixture fixture)
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Delivery_to_a_loopback_destination_is_refused_at_connect(string host)
    {
        await using var crm = await CrmStandIn.StartAsync();
        var url = new UriBuilder(crm.Url) { Host = host }.Uri.ToString();
        await using var factory = DispatchServiceFixture.Start(await fixture.NewDatabaseAsync(), web =>
        {
            web.UseSetting("Webhooks:Endpoints:0:Url", url);
            web.UseSetting("Webhooks:AllowHttp", "true"); // the scheme is allowed; the address is not
            web.UseSetting("Webhooks:AllowedHosts:0", "192.0.2.1");
        });
        await factory.Services.GetTestHarness().Start();
        var client = factory.CreateClient();
        await DispatchServiceFixture.ConfiguredEndpointStoredAsync(client);

        await factory.Services.GetTestHarness().Bus.Publish(WebhookPayloadTests.Change($"g-{Guid.NewGuid():N}@example.com", SubscriberStatuses.Bounced));
        var deliveries = await Eventually.GetAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("/v1/webhook-deliveries")).GetProperty("items").EnumerateArray().ToList(),
            d => d.Count == 1 && d[0].GetProperty("attempt_log").GetArrayLength() > 0);

        Assert.Contains("refused", deliveries[0].GetProperty("attempt_log")[0].GetProperty("error").GetString());
        Assert.Empty(crm.Requests);
    }
}
