using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BounceService.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BounceService.SubscriberState.Tests;

[Collection(StateServiceCollection.Name)]
public sealed class CampaignStatsTests(StateServiceFixture fixture) : StateTestBase(fixture)
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private static BounceClassified Of(string campaign, string kind, string? dsn, string reason) =>
        Events.Make(Events.NewEmail(), "l", kind == BounceKinds.Delivered ? "delivered" : "bounce", kind, dsn, reason, BounceScopes.Recipient, campaign: campaign);

    [Fact]
    public async Task Campaign_stats_count_and_rate_by_kind_reason_and_code_over_observed_sends()
    {
        var campaign = $"c-{Guid.NewGuid():N}";
        await ConsumeInOrderAsync([
            .. Enumerable.Range(0, 6).Select(_ => Of(campaign, BounceKinds.Delivered, null, "delivered")),
            Of(campaign, BounceKinds.Hard, "5.1.1", "userunknown"),
            Of(campaign, BounceKinds.Hard, "5.1.1", "userunknown"),
            Of(campaign, BounceKinds.Soft, "4.2.2", "mailboxfull"),
            Of(campaign, BounceKinds.Complaint, null, "feedback")]);

        var stats = await _client.GetFromJsonAsync<JsonElement>($"/v1/campaigns/{campaign}/stats");

        Assert.Equal(9, stats.GetProperty("sends").GetInt64()); // 6 delivered + 3 bounced; complaints are not extra sends
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("explicit_sends").ValueKind);
        Assert.Equal(["delivered:6:0.6667", "hard:2:0.2222", "complaint:1:0.1111", "soft:1:0.1111"], Rates(stats, "by_kind"));
        Assert.Equal(["userunknown:2:0.2222", "feedback:1:0.1111", "mailboxfull:1:0.1111"], Rates(stats, "by_reason"));
        Assert.Equal(["5.1.1:2:0.2222", "(none):1:0.1111", "4.2.2:1:0.1111"], Rates(stats, "by_code"));
    }

    [Fact]
    public async Task Campaign_counters_count_an_event_delivered_twice_once()
    {
        var campaign = $"c-{Guid.NewGuid():N}";
        var delivered = Enumerable.Range(0, 4).Select(_ => Of(campaign, BounceKinds.Delivered, null, "delivered")).ToArray();
        var hard = Of(campaign, BounceKinds.Hard, "5.1.1", "userunknown");
        var soft = Of(campaign, BounceKinds.Soft, "4.2.2", "mailboxfull");

        // Duplicates side by side (two consumers racing on one event), then redelivered later.
        await ConsumeTogetherAsync([.. delivered, hard, soft, hard, soft, delivered[0]]);
        await ConsumeInOrderAsync(hard, delivered[1]);

        var stats = await _client.GetFromJsonAsync<JsonElement>($"/v1/campaigns/{campaign}/stats");
        Assert.Equal(6, stats.GetProperty("sends").GetInt64());
        Assert.Equal(["delivered:4:0.6667", "hard:1:0.1667", "soft:1:0.1667"], Rates(stats, "by_kind"));
        Assert.Equal(["4.2.2:1:0.1667", "5.1.1:1:0.1667"], Rates(stats, "by_code"));
        Assert.Equal(6, await QueryAsync(db => db.BounceLog.CountAsync(b => b.CampaignUid == campaign)));
        Assert.Equal(6, await QueryAsync(db => db.CampaignOutcomeCounts.Where(c => c.CampaignUid == campaign).SumAsync(c => c.Count)));
    }

    [Fact]
    public async Task Explicit_sends_count_is_used_when_larger_than_observed()
    {
        var campaign = $"c-{Guid.NewGuid():N}";
        await ConsumeInOrderAsync(Of(campaign, BounceKinds.Hard, "5.1.1", "userunknown"), Of(campaign, BounceKinds.Delivered, null, "delivered"));

        var posted = await _client.PostAsJsonAsync($"/v1/campaigns/{campaign}/sends", new { count = 20 });
        posted.EnsureSuccessStatusCode();
        var stats = await _client.GetFromJsonAsync<JsonElement>($"/v1/campaigns/{campaign}/stats");
        Assert.Equal(20, stats.GetProperty("sends").GetInt64());
        Assert.Equal(0.05, stats.GetProperty("by_kind").EnumerateArray().Single(k => k.GetProperty("key").GetString() == "hard").GetProperty("rate").GetDouble());

        (await _client.PostAsJsonAsync($"/v1/campaigns/{campaign}/sends", new { count = 1 })).EnsureSuccessStatusCode();
        stats = await _client.GetFromJsonAsync<JsonElement>($"/v1/campaigns/{campaign}/stats");
        Assert.Equal(2, stats.GetProperty("sends").GetInt64());
        Assert.Equal(1, stats.GetProperty("explicit_sends").GetInt64());
    }

    [Fact]
    public async Task Unknown_campaign_is_404_and_a_negative_count_is_400()
    {
        var campaign = $"c-{Guid.NewGuid():N}";

        var stats = await _client.GetAsync($"/v1/campaigns/{campaign}/stats");
        var posted = await _client.PostAsJsonAsync($"/v1/campaigns/{campaign}/sends", new { count = -1 });

        Assert.Equal(HttpStatusCode.NotFound, stats.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal("application/problem+json", posted.Content.Headers.ContentType?.MediaType);
    }

    private static IEnumerable<string> Rates(JsonElement stats, string property) =>
        stats.GetProperty(property).EnumerateArray().Select(r => $"{r.GetProperty("key").GetString()}:{r.GetProperty("count").GetInt64()}:{r.GetProperty("rate").GetDouble()}");
}
