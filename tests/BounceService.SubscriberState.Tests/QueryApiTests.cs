using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BounceService.Contracts;

namespace BounceService.SubscriberState.Tests;

[Collection(StateServiceCollection.Name)]
public sealed class QueryApiTests(StateServiceFixture fixture) : StateTestBase(fixture)
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Fact]
    public async Task Unknown_subscriber_is_404_problem_details()
    {
        var response = await _client.GetAsync($"/v1/subscribers/{Events.NewEmail()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Subscriber_shows_each_list_status_cause_and_last_bounces_verbatim()
    {
        var (email, listA, listB) = (Events.NewEmail(), Events.NewList(), Events.NewList());
        var hard = Events.Hard(email, listA);
        await ConsumeInOrderAsync(Events.Delivered(email, listB), hard);

        var body = await _client.GetFromJsonAsync<JsonElement>($"/v1/subscribers/{email.ToUpperInvariant()}");

        var lists = body.GetProperty("lists").EnumerateArray().ToDictionary(l => l.GetProperty("list_uid").GetString()!);
        Assert.Equal(SubscriberStatuses.Bounced, lists[listA].GetProperty("status").GetString());
        Assert.Equal("hard_bounce", lists[listA].GetProperty("cause").GetString());
        Assert.Equal(SubscriberStatuses.Subscribed, lists[listB].GetProperty("status").GetString());
        var last = Assert.Single(body.GetProperty("last_bounces").EnumerateArray());
        Assert.Equal(hard.Diagnostic, last.GetProperty("diagnostic").GetString());
        Assert.Equal("hard_bounce", body.GetProperty("suppression").GetProperty("cause").GetString());
    }

    [Fact]
    public async Task Bounce_log_pages_newest_first_with_a_cursor()
    {
        var email = Events.NewEmail();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var events = Enumerable.Range(0, 5)
            .Select(i => Events.Make(email, "l", "bounce", BounceKinds.Soft, "4.2.2", "mailboxfull", BounceScopes.Recipient, start.AddMinutes(i)))
            .ToArray();
        await ConsumeInOrderAsync(events);

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _client.GetFromJsonAsync<JsonElement>($"/v1/bounces?email={email}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("event_id").GetString()!));
            cursor = page.GetProperty("next_cursor").GetString();
            pages++;
        } while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(events.Reverse().Select(e => e.EventId), seen);
    }

    [Fact]
    public async Task Bounce_log_filters_by_campaign_and_type_and_hides_deliveries()
    {
        var (email, campaign) = (Events.NewEmail(), $"c-{Guid.NewGuid():N}");
        var hard = Events.Make(email, "l", "bounce", BounceKinds.Hard, "5.1.1", "userunknown", BounceScopes.Recipient, campaign: campaign);
        var soft = Events.Make(email, "l", "bounce", BounceKinds.Soft, "4.2.2", "mailboxfull", BounceScopes.Recipient, campaign: campaign);
        var delivered = Events.Make(email, "l", "delivered", BounceKinds.Delivered, null, "delivered", BounceScopes.Recipient, campaign: campaign);
        await ConsumeInOrderAsync(hard, soft, delivered);

        async Task<IEnumerable<string?>> Ids(string query) =>
            (await _client.GetFromJsonAsync<JsonElement>($"/v1/bounces?{query}")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("event_id").GetString());

        Assert.Equal([soft.EventId, hard.EventId], await Ids($"campaign_uid={campaign}"));
        Assert.Equal([hard.EventId], await Ids($"campaign_uid={campaign}&type=hard"));
        Assert.Equal([delivered.EventId], await Ids($"campaign_uid={campaign}&type=delivered"));
    }

    [Fact]
    public async Task Bounce_log_says_what_each_status_code_means()
    {
        var email = Events.NewEmail();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var registered = Events.Make(email, "l", "bounce", BounceKinds.Hard, "5.1.1", "userunknown", BounceScopes.Recipient, start);
        var unregistered = Events.Make(email, "l", "bounce", BounceKinds.Soft, "4.7.500", "blocked", BounceScopes.Message, start.AddMinutes(1));
        var complaint = Events.Make(email, "l", "complaint", BounceKinds.Complaint, null, "feedback", BounceScopes.Recipient, start.AddMinutes(2));
        await ConsumeInOrderAsync(registered, unregistered, complaint);

        var items = (await _client.GetFromJsonAsync<JsonElement>($"/v1/bounces?email={email}")).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("event_id").GetString()!, i => i.GetProperty("status_meaning"));
        var userUnknown = items[registered.EventId];
        Assert.Equal("Permanent Failure", userUnknown.GetProperty("class").GetString());
        Assert.Equal("Addressing Status", userUnknown.GetProperty("subject").GetString());
        Assert.Equal("Bad destination mailbox address", userUnknown.GetProperty("detail").GetString());
        Assert.Equal("Permanent Failure: Addressing Status: Bad destination mailbox address", userUnknown.GetProperty("summary").GetString());
        var fallback = items[unregistered.EventId];
        Assert.False(fallback.GetProperty("detail_registered").GetBoolean());
        Assert.Equal(JsonValueKind.Null, fallback.GetProperty("detail").ValueKind);
        Assert.Equal("Persistent Transient Failure: Security or Policy Status (detail 500 is not in the registry)", fallback.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, items[complaint.EventId].ValueKind);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("type=bogus")]
    [InlineData("cursor=not-a-cursor")]
    public async Task Bad_query_is_400_problem_details(string query)
    {
        var response = await _client.GetAsync($"/v1/bounces?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
