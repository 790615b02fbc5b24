using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BounceService.Testing;

namespace BounceService.EndToEnd.Tests;

public sealed class WalkingSkeletonTests(PipelineFixture pipeline) : IClassFixture<PipelineFixture>
{
    private readonly HttpClient _ingest = pipeline.Ingest.CreateClient();
    private readonly HttpClient _state = pipeline.State.CreateClient();

    private static object Event(string type, string recipient, string list, string? dsn, int? smtp, string? reason, string? id = null) => new
    {
        event_id = id,
        type,
        recipient,
        list_uid = list,
        campaign_uid = "camp-e2e",
        smtp_code = smtp,
        dsn_code = dsn,
        reason,
        occurred_at = "2026-12-04T10:00:00Z",
    };

    private async Task<JsonElement> SubscriberAsync(string email) =>
        await _state.GetFromJsonAsync<JsonElement>($"/v1/subscribers/{email}");

    private async Task<string?> StatusAsync(string email)
    {
        var response = await _state.GetAsync($"/v1/subscribers/{email}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("lists").EnumerateArray().Single().GetProperty("status").GetString();
    }

    private async Task<int> LogRowsAsync(string email) =>
        (await _state.GetFromJsonAsync<JsonElement>($"/v1/bounces?email={email}")).GetProperty("items").GetArrayLength();

    [Fact]
    public async Task Bounces_flow_from_ingest_to_subscriber_state_and_one_crm_webhook()
    {
        var run = Guid.NewGuid().ToString("N")[..12];
        var list = $"list-{run}";
        var (unknownUser, authFailure, mailboxFull, complainer) =
            ($"gone-{run}@example.com", $"auth-{run}@example.com", $"full-{run}@example.com", $"spam-{run}@example.com");
        var hardId = $"hard-{run}";
        object[] batch =
        [
            Event("bounce", unknownUser, list, "5.1.1", 550, "550 5.1.1 The email account that you tried to reach does not exist", hardId),
            Event("bounce", authFailure, list, null, null, "550 5.7.1 Message rejected: not authenticated"),
            Event("bounce", mailboxFull, list, null, null, "550 5.2.2 The email account that you tried to reach is over quota"),
            Event("complaint", complainer, list, null, null, null),
        ];

        var accepted = await _ingest.PostAsJsonAsync("/v1/ingest/generic", batch);
        var duplicate = await _ingest.PostAsJsonAsync("/v1/ingest/generic", batch[0]);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, duplicate.StatusCode);
        var kinds = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events").EnumerateArray()
            .Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("reason").GetString(), e.GetProperty("scope").GetString()))
            .ToList();
        Assert.Equal([("hard", "userunknown", "recipient"), ("hard", "authfailure", "sender"), ("soft", "mailboxfull", "recipient"), ("complaint", "feedback", "recipient")], kinds);

        Assert.Equal("bounced", await Eventually.GetAsync(() => StatusAsync(unknownUser), s => s == "bounced"));
        Assert.Equal("unsubscribed", await Eventually.GetAsync(() => StatusAsync(complainer), s => s == "unsubscribed"));
        Assert.Equal("subscribed", await Eventually.GetAsync(() => StatusAsync(authFailure), s => s is not null));
        Assert.Equal("subscribed", await Eventually.GetAsync(() => StatusAsync(mailboxFull), s => s is not null));
        var full = await SubscriberAsync(mailboxFull);
        Assert.Equal(1, full.GetProperty("lists")[0].GetProperty("soft_bounce_streak").GetInt32());

        // The webhook, then a pause long enough for a duplicate to have followed it.
        var webhooks = await Eventually.GetAsync(
            () => Task.FromResult(pipeline.Crm.Requests.Where(r => r.Body.Contains(run, StringComparison.Ordinal)).ToList()),
            r => r.Any(x => x.Body.Contains("subscriber.bounced", StringComparison.Ordinal)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        webhooks = pipeline.Crm.Requests.Where(r => r.Body.Contains(run, StringComparison.Ordinal)).ToList();

        var bounced = Assert.Single(webhooks, w => w.Body.Contains("\"subscriber.bounced\"", StringComparison.Ordinal));
        Assert.StartsWith(
            $$"""{"event":"subscriber.bounced","subscriber_email":"{{unknownUser}}","list_uid":"{{list}}","dsn_code":"5.1.1","bounce_type":"hard","reason":"550 5.1.1 The email account that you tried to reach does not exist",""",
            bounced.Body);
        Assert.Single(webhooks, w => w.Body.Contains("\"subscriber.unsubscribed\"", StringComparison.Ordinal) && w.Body.Contains(complainer, StringComparison.Ordinal));
        // Status flips only: the soft bounce's retry, due at once (occurred_at is past), may add a delivery.retry_due.
        Assert.Equal(2, webhooks.Count(w => w.Body.StartsWith("{\"event\":\"subscriber.", StringComparison.Ordinal)));

        Assert.Equal(1, await LogRowsAsync(unknownUser));
        Assert.Equal(1, await LogRowsAsync(authFailure));
        Assert.Equal(1, await LogRowsAsync(mailboxFull));
        Assert.Equal(1, await LogRowsAsync(complainer));
        var log = (await _state.GetFromJsonAsync<JsonElement>($"/v1/bounces?email={unknownUser}")).GetProperty("items")[0];
        Assert.Equal(hardId, log.GetProperty("event_id").GetString());
        Assert.Equal("550 5.1.1 The email account that you tried to reach does not exist", log.GetProperty("diagnostic").GetString());
    }
}
