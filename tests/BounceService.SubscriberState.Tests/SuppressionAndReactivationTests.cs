using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BounceService.Contracts;
using BounceService.SubscriberState.Subscribers;

namespace BounceService.SubscriberState.Tests;

[Collection(StateServiceCollection.Name)]
public sealed class SuppressionAndReactivationTests(StateServiceFixture fixture) : StateTestBase(fixture)
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private static object Evidence => new { method = "signup_form", reference = "form-123", confirmed_at = "2026-12-01T10:00:00Z" };

    [Fact]
    public async Task Suppressed_address_is_found_and_unknown_one_is_404()
    {
        var email = Events.NewEmail();
        await ConsumeInOrderAsync(Events.Complaint(email, Events.NewList()));

        var found = await _client.GetFromJsonAsync<JsonElement>($"/v1/suppressions/{email}");
        var missing = await _client.GetAsync($"/v1/suppressions/{Events.NewEmail()}");

        Assert.Equal("complaint", found.GetProperty("cause").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Import_reports_each_bad_line_and_export_lists_the_imported()
    {
        var (a, b) = (Events.NewEmail(), Events.NewEmail());
        var csv = $"email,cause\n{a},complaint\nnot-an-address\n{b}\n{b.ToUpperInvariant()}\nc@example.com,bogus\n";

        var response = await _client.PostAsync("/v1/suppressions/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var export = await _client.GetStringAsync("/v1/suppressions/export");

        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        Assert.Equal([3, 6], report.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
        Assert.Contains($"{a},complaint,", export);
        Assert.Contains($"{b},manual,", export);
        Assert.StartsWith("email,cause,since,event_id", export);
    }

    [Fact]
    public async Task Import_of_invalid_utf8_is_400_and_imports_nothing()
    {
        var email = Events.NewEmail();
        var body = Encoding.UTF8.GetBytes($"{email}\n").Concat(new byte[] { 0xC3, 0x28, 0x0A }).ToArray();

        var response = await _client.PostAsync("/v1/suppressions/import", new ByteArrayContent(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/v1/suppressions/{email}")).StatusCode);
    }

    [Fact]
    public async Task Suppression_pages_follow_the_cursor()
    {
        var seen = new List<string>();
        string? cursor = null;
        for (var i = 0; i < 3; i++)
        {
            var page = await _client.GetFromJsonAsync<JsonElement>("/v1/suppressions?limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("email").GetString()!));
            cursor = page.GetProperty("next_cursor").GetString();
            if (cursor is null) break;
        }

        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Reactivation_without_evidence_is_422_and_changes_nothing()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());
        await ConsumeInOrderAsync(Events.Hard(email, list));

        var response = await _client.PostAsJsonAsync($"/v1/subscribers/{email}/reactivate", new { list_uid = list });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(SubscriberStatuses.Bounced, (await SubscriberAsync(list, email))?.Status);
    }

    [Fact]
    public async Task Reactivation_with_evidence_resubscribes_lifts_the_suppression_and_announces()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());
        await ConsumeInOrderAsync(Events.Hard(email, list));

        var response = await _client.PostAsJsonAsync($"/v1/subscribers/{email}/reactivate", new { list_uid = list, evidence = Evidence });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var subscriber = await SubscriberAsync(list, email);
        Assert.Equal((SubscriberStatuses.Subscribed, StatusCauses.Manual), (subscriber?.Status, subscriber?.StatusCause));
        Assert.Null(await SuppressionAsync(email));
        Assert.Contains(await AnnouncedAsync(email), c => c.NewStatus == SubscriberStatuses.Subscribed && c.Cause == StatusCauses.Manual);
    }

    [Fact]
    public async Task Complained_subscriber_cannot_be_reactivated()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());
        await ConsumeInOrderAsync(Events.Complaint(email, list));

        var response = await _client.PostAsJsonAsync($"/v1/subscribers/{email}/reactivate", new { list_uid = list, evidence = Evidence });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Bulk_reactivation_accepts_only_rows_with_evidence()
    {
        var (withEvidence, without, list) = (Events.NewEmail(), Events.NewEmail(), Events.NewList());
        await ConsumeInOrderAsync(Events.Hard(withEvidence, list), Events.Hard(without, list));

        var response = await _client.PostAsJsonAsync("/v1/subscribers/reactivate", new
        {
            items = new object[]
            {
                new { email = withEvidence, list_uid = list, evidence = Evidence },
                new { email = without, list_uid = list },
            },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((1, 1), (body.GetProperty("reactivated").GetInt32(), body.GetProperty("rejected").GetInt32()));
        Assert.Equal(SubscriberStatuses.Subscribed, (await SubscriberAsync(list, withEvidence))?.Status);
        Assert.Equal(SubscriberStatuses.Bounced, (await SubscriberAsync(list, without))?.Status);
    }
}
