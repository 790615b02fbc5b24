using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BounceService.Contracts;

namespace BounceService.SubscriberState.Tests;

[Collection(StateServiceCollection.Name)]
public sealed class DomainReportTests(StateServiceFixture fixture) : StateTestBase(fixture)
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private static string NewLabel() => $"r{Guid.NewGuid():N}";

    private static BounceClassified At(string email, string kind, string? dsn, string reason, DateTimeOffset at) =>
        Events.Make(email, "l", kind == BounceKinds.Delivered ? "delivered" : "bounce", kind, dsn, reason, BounceScopes.Recipient, at);

    [Fact]
    public async Task Bounce_log_row_stores_the_registrable_domain_of_the_recipient()
    {
        var email = $"someone@mail.{NewLabel()}.co.uk";
        await ConsumeInOrderAsync(Events.Hard(email, "l"));

        var stored = await QueryAsync(db => Task.FromResult(db.BounceLog.Single(b => b.Email == email).RecipientDomain));

        Assert.Equal(email[(email.IndexOf(".", StringComparison.Ordinal) + 1)..], stored);
    }

    [Fact]
    public async Task Domain_report_groups_by_registrable_domain_and_matches_a_hand_computation()
    {
        var (uk, au) = ($"{NewLabel()}.co.uk", $"{NewLabel()}.com.au");
        var now = DateTimeOffset.UtcNow;
        await ConsumeInOrderAsync(
            // uk: three 5.1.1, two 5.7.1, one 4.2.2, four deliveries and one undetermined, over three host names.
            At($"a@{uk}", BounceKinds.Hard, "5.1.1", "userunknown", now.AddHours(-3)),
            At($"b@mail.{uk}", BounceKinds.Hard, "5.1.1", "userunknown", now.AddHours(-2.5)),
            At($"c@a.b.{uk}", BounceKinds.Hard, "5.1.1", "userunknown", now.AddHours(-1)),
            At($"d@{uk}", BounceKinds.Hard, "5.7.1", "policy", now.AddMinutes(-40)),
            At($"e@mx.{uk}", BounceKinds.Hard, "5.7.1", "policy", now.AddMinutes(-30)),
            At($"f@{uk}", BounceKinds.Soft, "4.2.2", "mailboxfull", now.AddHours(-2)),
            At($"g@{uk}", BounceKinds.Undetermined, null, "undefined", now.AddHours(-2)),
            At($"h@{uk}", BounceKinds.Delivered, null, "delivered", now.AddHours(-2)),
            At($"i@{uk}", BounceKinds.Delivered, null, "delivered", now.AddHours(-2)),
            At($"j@{uk}", BounceKinds.Delivered, null, "delivered", now.AddHours(-2)),
            At($"k@{uk}", BounceKinds.Delivered, null, "delivered", now.AddHours(-2)),
            // Outside the 7-day window.
            At($"old@{uk}", BounceKinds.Hard, "5.1.1", "userunknown", now.AddDays(-8)),
            // au: two hard bounces and no deliveries, so its sends are unknown.
            At($"a@{au}", BounceKinds.Hard, "5.1.1", "userunknown", now.AddHours(-1)),
            At($"b@shop.{au}", BounceKinds.Hard, "5.1.1", "userunknown", now.AddHours(-1)));

        var ukRow = Assert.Single(await DomainsAsync($"days=7&min_total=6&domain={uk}"));
        Assert.Equal(uk, ukRow.GetProperty("domain").GetString());
        Assert.Equal(5, ukRow.GetProperty("hard_total").GetInt64());
        Assert.Equal(1, ukRow.GetProperty("soft_total").GetInt64());
        Assert.Equal(3, ukRow.GetProperty("distinct_codes").GetInt64());
        Assert.Equal(["5.1.1:3", "5.7.1:2", "4.2.2:1"],
            ukRow.GetProperty("top_codes").EnumerateArray().Select(c => $"{c.GetProperty("code").GetString()}:{c.GetProperty("count").GetInt64()}"));
        Assert.Equal(["5.7.1 diagnostic for policy", "5.1.1 diagnostic for userunknown", "4.2.2 diagnostic for mailboxfull"],
            ukRow.GetProperty("sample_reasons").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(11, ukRow.GetProperty("sends").GetInt64()); // 4 delivered + 5 hard + 1 soft + 1 undetermined
        Assert.Equal(0.4545, ukRow.GetProperty("hard_share").GetDouble()); // 5 / 11
        Assert.Equal(0.0909, ukRow.GetProperty("soft_share").GetDouble()); // 1 / 11

        var auRow = Assert.Single(await DomainsAsync($"min_total=2&domain={au}"));
        Assert.Equal(2, auRow.GetProperty("hard_total").GetInt64());
        Assert.Equal(JsonValueKind.Null, auRow.GetProperty("sends").ValueKind);
        Assert.Equal(JsonValueKind.Null, auRow.GetProperty("hard_share").ValueKind);
    }

    [Fact]
    public async Task Domain_report_leaves_out_domains_under_min_total()
    {
        var domain = $"{NewLabel()}.com.au";
        await ConsumeInOrderAsync(Events.Hard($"a@{domain}", "l"), Events.Soft($"b@{domain}", "l"));

        Assert.Empty(await DomainsAsync($"min_total=3&domain={domain}"));
        Assert.Single(await DomainsAsync($"min_total=2&domain={domain}"));
    }

    [Fact]
    public async Task Domain_report_lists_domains_by_hard_total_up_to_the_limit()
    {
        var (first, second) = ($"{NewLabel()}.co.uk", $"{NewLabel()}.co.uk");
        await ConsumeInOrderAsync(Events.Hard($"a@{second}", "l"), Events.Hard($"a@{first}", "l"), Events.Hard($"b@{first}", "l"));

        var rows = await DomainsAsync("min_total=1&limit=500");
        var mine = rows.Select(r => r.GetProperty("domain").GetString()).Where(d => d == first || d == second).ToList();

        Assert.Equal([first, second], mine);
        Assert.Single(await DomainsAsync("min_total=1&limit=1"));
    }

    [Fact]
    public async Task Domain_report_rejects_a_bad_window_as_problem_details()
    {
        var response = await _client.GetAsync("/v1/reports/domains?days=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<List<JsonElement>> DomainsAsync(string query) =>
        (await _client.GetFromJsonAsync<JsonElement>($"/v1/reports/domains?{query}")).GetProperty("domains").EnumerateArray().ToList();
}
