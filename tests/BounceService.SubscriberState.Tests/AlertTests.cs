using System.Net.Http.Json;
using System.Text.Json;
using BounceService.Contracts;
using BounceService.SubscriberState.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace BounceService.SubscriberState.Tests;

/// <summary>Each rule just under and just over its threshold (defaults; MinSends 10 and DomainBlockMinimum 3 in the fixture).</summary>
[Collection(StateServiceCollection.Name)]
public sealed class AlertTests(StateServiceFixture fixture) : StateTestBase(fixture)
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();
    private readonly string _domain = $"a{Guid.NewGuid():N}.co.uk";
    private readonly string _campaign = $"c-{Guid.NewGuid():N}";

    private BounceClassified Bounce(string kind, string dsn, string reason, string? campaign) =>
        Events.Make($"{Guid.NewGuid():N}@{_domain}", "l", "bounce", kind, dsn, reason, BounceScopes.Recipient, campaign: campaign);

    private BounceClassified Delivered() =>
        Events.Make($"{Guid.NewGuid():N}@{_domain}", "l", "delivered", BounceKinds.Delivered, null, "delivered", BounceScopes.Recipient);

    [Fact]
    public async Task Userunknown_spike_is_raised_once_over_ten_percent_of_sends_and_again_after_it_cleared()
    {
        var key = $"userunknown_spike:campaign:{_campaign}";
        await SendsAsync(30);
        await ConsumeInOrderAsync([.. Enumerable.Range(0, 3).Select(_ => Bounce(BounceKinds.Hard, "5.1.1", "userunknown", _campaign))]);
        Assert.Null(await AlertAsync(key)); // 3 / 30 = 10%, not above

        await ConsumeInOrderAsync(Bounce(BounceKinds.Hard, "5.1.1", "userunknown", _campaign), Bounce(BounceKinds.Hard, "5.1.1", "userunknown", _campaign));
        var alert = await AlertAsync(key);
        Assert.NotNull(alert);
        Assert.Equal(5, alert.Value.GetProperty("count").GetInt64()); // 5 / 30, refreshed by the fifth
        Assert.Equal(30, alert.Value.GetProperty("total").GetInt64());
        Assert.Contains("verification", alert.Value.GetProperty("fix").GetString());
        var raised = Assert.Single(Raised(key)); // the fourth raised it, the fifth did not again
        Assert.Equal(4, raised.Count);

        await SendsAsync(100); // 5 / 100: cleared
        Assert.Null(await AlertAsync(key));
        await SendsAsync(30);
        Assert.NotNull(await AlertAsync(key));
        Assert.Equal(2, Raised(key).Count());
    }

    [Fact]
    public async Task Auth_failure_is_raised_when_5_7_1_is_over_half_of_a_campaigns_bounces()
    {
        var key = $"auth_failure:campaign:{_campaign}";
        await SendsAsync(10);
        await ConsumeInOrderAsync(
            Bounce(BounceKinds.Soft, "4.2.2", "mailboxfull", _campaign), Bounce(BounceKinds.Soft, "4.2.2", "mailboxfull", _campaign),
            Bounce(BounceKinds.Hard, "5.7.1", "securityerror", _campaign), Bounce(BounceKinds.Hard, "5.7.1", "securityerror", _campaign));
        Assert.Null(await AlertAsync(key)); // 2 / 4 bounces

        await ConsumeInOrderAsync(Bounce(BounceKinds.Hard, "5.7.1", "securityerror", _campaign));
        Assert.NotNull(await AlertAsync(key)); // 3 / 5
        Assert.Single(Raised(key));
    }

    [Fact]
    public async Task Reputation_is_raised_when_4_7_1_is_over_five_percent_of_sends()
    {
        var key = $"reputation:campaign:{_campaign}";
        await SendsAsync(40);
        await ConsumeInOrderAsync(Bounce(BounceKinds.Soft, "4.7.1", "blocked", _campaign), Bounce(BounceKinds.Soft, "4.7.1", "blocked", _campaign));
        Assert.Null(await AlertAsync(key)); // 2 / 40 = 5%

        await ConsumeInOrderAsync(Bounce(BounceKinds.Soft, "4.7.1", "blocked", _campaign), Bounce(BounceKinds.Soft, "4.7.1", "blocked", _campaign));
        Assert.NotNull(await AlertAsync(key)); // 3 / 40, then 4 / 40
        Assert.Single(Raised(key));
    }

    [Fact]
    public async Task Greylisting_is_raised_when_4_7_0_reaches_thirty_percent_of_sends()
    {
        var key = $"greylisting:campaign:{_campaign}";
        await SendsAsync(10);
        await ConsumeInOrderAsync(Bounce(BounceKinds.Soft, "4.7.0", "greylisted", _campaign), Bounce(BounceKinds.Soft, "4.7.0", "greylisted", _campaign));
        Assert.Null(await AlertAsync(key)); // 2 / 10

        await ConsumeInOrderAsync(Bounce(BounceKinds.Soft, "4.7.0", "greylisted", _campaign), Bounce(BounceKinds.Soft, "4.7.0", "greylisted", _campaign));
        Assert.NotNull(await AlertAsync(key)); // 3 / 10 = 30%, then 4 / 10
        Assert.Single(Raised(key));
    }

    [Fact]
    public async Task Message_too_large_is_raised_when_size_refusals_are_over_one_percent_of_sends()
    {
        var key = $"message_too_large:campaign:{_campaign}";
        await SendsAsync(200);
        await ConsumeInOrderAsync(Bounce(BounceKinds.Hard, "5.2.5", "mesgtoobig", _campaign), Bounce(BounceKinds.Hard, "5.3.4", "mesgtoobig", _campaign));
        Assert.Null(await AlertAsync(key)); // 2 / 200 = 1%

        await ConsumeInOrderAsync(Bounce(BounceKinds.Hard, "5.2.3", "mesgtoobig", _campaign));
        Assert.NotNull(await AlertAsync(key)); // 3 / 200
        Assert.Single(Raised(key));
    }

    [Fact]
    public async Task Standing_alert_clears_on_the_sweep_once_deliveries_lower_the_rate()
    {
        var key = $"greylisting:campaign:{_campaign}";
        await SendsAsync(10);
        await ConsumeInOrderAsync([.. Enumerable.Range(0, 3).Select(_ => Bounce(BounceKinds.Soft, "4.7.0", "greylisted", _campaign))]);
        Assert.NotNull(await AlertAsync(key));

        // The retries got through: 3 / 13 observed sends. Deliveries alone judge nothing; the sweep does.
        await ConsumeInOrderAsync([.. Enumerable.Range(0, 10).Select(_ =>
            Events.Make(Events.NewEmail(), "l", "delivered", BounceKinds.Delivered, null, "delivered", BounceScopes.Recipient, campaign: _campaign))]);
        Assert.NotNull(await AlertAsync(key));
        await Fixture.Factory.Services.GetRequiredService<AlertSweeper>().SweepAsync(CancellationToken.None);

        Assert.Null(await AlertAsync(key));
        var cleared = await _client.GetFromJsonAsync<JsonElement>($"/v1/alerts?subject={_campaign}&include_cleared=true");
        Assert.NotEqual(JsonValueKind.Null, cleared.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("key").GetString() == key).GetProperty("cleared_at").ValueKind);
    }

    [Fact]
    public async Task Campaign_rules_wait_for_the_minimum_sends()
    {
        await ConsumeInOrderAsync([.. Enumerable.Range(0, 9).Select(_ => Bounce(BounceKinds.Hard, "5.1.1", "userunknown", _campaign))]);
        Assert.Null(await AlertAsync($"userunknown_spike:campaign:{_campaign}")); // 9 sends, all 5.1.1, under MinSends

        await ConsumeInOrderAsync(Bounce(BounceKinds.Hard, "5.1.1", "userunknown", _campaign));
        Assert.NotNull(await AlertAsync($"userunknown_spike:campaign:{_campaign}"));
    }

    [Fact]
    public async Task Domain_block_is_raised_when_5_7_x_is_over_a_fifth_of_one_domains_sends()
    {
        var key = $"domain_block:domain:{_domain}";
        await ConsumeInOrderAsync(Bounce(BounceKinds.Hard, "5.7.1", "blocked", null), Bounce(BounceKinds.Hard, "5.7.606", "blocked", null));
        Assert.Null(await AlertAsync(key)); // 2 / 2, but under the minimum of 3

        await ConsumeInOrderAsync([.. Enumerable.Range(0, 12).Select(_ => Delivered()), Bounce(BounceKinds.Hard, "5.7.1", "blocked", null)]);
        Assert.Null(await AlertAsync(key)); // 3 / 15 = 20%, not above

        await ConsumeInOrderAsync(Bounce(BounceKinds.Hard, "5.7.1", "blocked", null), Bounce(BounceKinds.Hard, "5.7.1", "blocked", null));
        var alert = await AlertAsync(key); // 4 / 16, then 5 / 17
        Assert.NotNull(alert);
        Assert.Equal(5, alert.Value.GetProperty("count").GetInt64());
        Assert.Equal(17, alert.Value.GetProperty("total").GetInt64());
        Assert.Single(Raised(key));
    }

    [Fact]
    public async Task Stale_list_is_raised_when_mailbox_full_creeps_up_week_over_week()
    {
        var list = $"l-{Guid.NewGuid():N}";
        var key = $"stale_list:list:{list}";
        BounceClassified Outcome(bool full, int daysAgo) => Events.Make($"{Guid.NewGuid():N}@{_domain}", list,
            full ? "bounce" : "delivered", full ? BounceKinds.Soft : BounceKinds.Delivered, full ? "4.2.2" : null,
            full ? "mailboxfull" : "delivered", BounceScopes.Recipient, DateTimeOffset.UtcNow.AddDays(-daysAgo));

        // The week before: 1 in 20. This week: 1 in 20 too, over 2% but not rising.
        await ConsumeInOrderAsync([.. Enumerable.Range(0, 19).Select(_ => Outcome(false, 9)), Outcome(true, 9)]);
        await ConsumeInOrderAsync([.. Enumerable.Range(0, 19).Select(_ => Outcome(false, 1)), Outcome(true, 1)]);
        Assert.Null(await AlertAsync(key));

        await ConsumeInOrderAsync(Outcome(true, 0)); // 2 / 21, over 1.5 x 5%
        await ConsumeInOrderAsync(Outcome(true, 0));
        var alert = await AlertAsync(key);
        Assert.NotNull(alert);
        Assert.Equal(3, alert.Value.GetProperty("count").GetInt64());
        Assert.Equal(22, alert.Value.GetProperty("total").GetInt64());
        Assert.Contains("clean the list", alert.Value.GetProperty("fix").GetString());
        Assert.Equal(2, Assert.Single(Raised(key)).Count);
    }

    [Fact]
    public async Task Engaged_hard_bounce_is_raised_when_activity_lies_within_the_window_of_the_bounce()
    {
        var list = $"l-{Guid.NewGuid():N}";
        var bounceAt = DateTimeOffset.UtcNow.AddHours(-1);
        var window = TimeSpan.FromDays(7); // Alerts:EngagedActivityWindow's default
        var (inside, outside) = ($"{Guid.NewGuid():N}@{_domain}", $"{Guid.NewGuid():N}@{_domain}");
        foreach (var (email, activity) in new[] { (inside, bounceAt - window + TimeSpan.FromMinutes(1)), (outside, bounceAt - window - TimeSpan.FromMinutes(1)) })
        {
            await ConsumeInOrderAsync(Events.Make(email, list, "delivered", BounceKinds.Delivered, null, "delivered", BounceScopes.Recipient, bounceAt.AddDays(-10)));
            (await _client.PostAsJsonAsync($"/v1/subscribers/{email}/activity", new { list_uid = list, occurred_at = activity })).EnsureSuccessStatusCode();
            await ConsumeInOrderAsync(Events.Make(email, list, "bounce", BounceKinds.Hard, "5.1.1", "userunknown", BounceScopes.Recipient, bounceAt));
        }

        Assert.Null(await AlertAsync($"engaged_hard_bounce:subscriber:{outside}"));
        var alert = await AlertAsync($"engaged_hard_bounce:subscriber:{inside}");
        Assert.NotNull(alert);
        Assert.Equal(1, alert.Value.GetProperty("count").GetInt64()); // the hard bounce, out of the delivery and it
        Assert.Equal(2, alert.Value.GetProperty("total").GetInt64());
        Assert.Contains("wait 24h", alert.Value.GetProperty("fix").GetString());
        Assert.Single(Raised($"engaged_hard_bounce:subscriber:{inside}"));

        // Re-activated with evidence: checked, so the sweep clears it.
        (await _client.PostAsJsonAsync($"/v1/subscribers/{inside}/reactivate", new
        {
            list_uid = list,
            evidence = new { method = "signup_form", reference = "form-7", confirmed_at = DateTimeOffset.UtcNow },
        })).EnsureSuccessStatusCode();
        await Fixture.Factory.Services.GetRequiredService<AlertSweeper>().SweepAsync(CancellationToken.None);
        Assert.Null(await AlertAsync($"engaged_hard_bounce:subscriber:{inside}"));
    }

    [Fact]
    public async Task Engaged_hard_bounce_is_raised_by_activity_reported_after_the_bounce()
    {
        var (list, email) = ($"l-{Guid.NewGuid():N}", $"{Guid.NewGuid():N}@{_domain}");
        await ConsumeInOrderAsync(Events.Make(email, list, "bounce", BounceKinds.Hard, "5.1.1", "userunknown", BounceScopes.Recipient, DateTimeOffset.UtcNow.AddDays(-2)));
        Assert.Null(await AlertAsync($"engaged_hard_bounce:subscriber:{email}"));

        (await _client.PostAsJsonAsync($"/v1/subscribers/{email}/activity", new { list_uid = list })).EnsureSuccessStatusCode();

        Assert.NotNull(await AlertAsync($"engaged_hard_bounce:subscriber:{email}"));
        Assert.Single(Raised($"engaged_hard_bounce:subscriber:{email}"));
    }

    private async Task SendsAsync(long count) =>
        (await _client.PostAsJsonAsync($"/v1/campaigns/{_campaign}/sends", new { count })).EnsureSuccessStatusCode();

    private async Task<JsonElement?> AlertAsync(string key)
    {
        var subject = key[(key.LastIndexOf(':') + 1)..];
        var body = await _client.GetFromJsonAsync<JsonElement>($"/v1/alerts?subject={subject}");
        return body.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("key").GetString() == key).Cast<JsonElement?>().SingleOrDefault();
    }

    private IEnumerable<AlertRaised> Raised(string key) => Fixture.Recorder.Published<AlertRaised>().Where(a => a.Key == key);
}
