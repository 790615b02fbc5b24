using System.Net;
using System.Text;
using System.Text.Json;
using BounceService.Contracts;
using BounceService.Ingest.Providers.Generic;
using BounceService.Ingest.Publishing;

namespace BounceService.Ingest.Tests;

public sealed class GenericIngestEndpointTests(IngestServiceFixture fixture) : IClassFixture<IngestServiceFixture>
{
    private const int OneMiB = 1024 * 1024;
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private List<BounceClassified> PublishedTo(string recipient) =>
        fixture.Recorder.Published<BounceClassified>().Where(m => m.Recipient == recipient).ToList();

    /// <summary>What the service must publish for <paramref name="json"/>: each event parsed and classified.</summary>
    private static List<BounceClassified> Classified(string json) =>
        GenericParser.Parse(Encoding.UTF8.GetBytes(json), 1000).Events
            .Select(e => BounceMessages.Create(e, DateTimeOffset.UtcNow)).ToList();

    private static string Event(string recipient, string type = "bounce", int? smtp = null, string? dsn = null, string? reason = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = type, ["recipient"] = recipient, ["smtp_code"] = smtp, ["dsn_code"] = dsn, ["reason"] = reason,
            ["occurred_at"] = "2026-12-04T10:00:00Z",
        });

    [Fact]
    public async Task Single_event_is_202_with_its_classification_and_published_as_classified()
    {
        var recipient = IngestRequests.NewRecipient();
        var eventId = $"evt-{Guid.NewGuid():N}";
        var json = $$"""
            {"event_id":"{{eventId}}","type":"bounce","recipient":"{{recipient.ToUpperInvariant()}}","list_uid":"list-1",
             "campaign_uid":"camp-1","sending_server":"mta-1","smtp_code":550,"dsn_code":"5.1.1",
             "reason":"550 5.1.1 The email account that you tried to reach does not exist","occurred_at":"2026-12-04T10:00:00Z"}
            """;

        var response = await _client.PostJsonAsync(json);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["accepted", "events"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        var accepted = Assert.Single(body.GetProperty("events").EnumerateArray().ToList());
        Assert.Equal(["event_id", "recipient", "kind", "dsn", "reason", "scope"], accepted.EnumerateObject().Select(p => p.Name));
        Assert.Equal((eventId, recipient, "hard", "5.1.1", "userunknown", "recipient"), (
            accepted.GetProperty("event_id").GetString(), accepted.GetProperty("recipient").GetString(),
            accepted.GetProperty("kind").GetString(), accepted.GetProperty("dsn").GetString(),
            accepted.GetProperty("reason").GetString(), accepted.GetProperty("scope").GetString()));

        var published = Assert.Single(PublishedTo(recipient));
        Assert.Equal(
            new BounceClassified(eventId, "generic", "bounce", recipient, "list-1", "camp-1", "mta-1",
                BounceKinds.Hard, "5.1.1", 550, "userunknown", BounceScopes.Recipient,
                "550 5.1.1 The email account that you tried to reach does not exist", null, null,
                new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero)),
            published);
    }

    [Fact]
    public async Task Batch_is_202_with_each_event_in_order_and_each_published_once_as_classified()
    {
        var recipients = Enumerable.Range(0, 4).Select(_ => IngestRequests.NewRecipient()).ToArray();
        var json = "[" + string.Join(',',
            Event(recipients[0], smtp: 550, dsn: "5.1.1", reason: "550 5.1.1 user unknown"),
            Event(recipients[1], smtp: 452, dsn: "4.2.2", reason: "452 4.2.2 Mailbox full"),
            Event(recipients[2], type: "complaint"),
            Event(recipients[3], type: "delivered", smtp: 250)) + "]";

        var response = await _client.PostJsonAsync(json);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(4, body.GetProperty("accepted").GetInt32());
        var events = body.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(
            [
                (recipients[0], "hard", "5.1.1", "userunknown", "recipient"),
                (recipients[1], "soft", "4.2.2", "mailboxfull", "recipient"),
                (recipients[2], "complaint", null, "feedback", "recipient"),
                (recipients[3], "delivered", null, "delivered", "recipient"),
            ],
            events.Select(e => (e.GetProperty("recipient").GetString()!, e.GetProperty("kind").GetString()!,
                e.GetProperty("dsn").GetString(), e.GetProperty("reason").GetString()!, e.GetProperty("scope").GetString()!)));

        var expected = Classified(json);
        for (var i = 0; i < recipients.Length; i++)
        {
            var published = Assert.Single(PublishedTo(recipients[i]));
            Assert.Equal(expected[i], published);
            Assert.Equal(events[i].GetProperty("event_id").GetString(), published.EventId);
            Assert.StartsWith("generic-", published.EventId);
        }
    }

    [Fact]
    public async Task Thousand_events_are_accepted_and_all_published()
    {
        var prefix = $"k-{Guid.NewGuid():N}";
        var json = "[" + string.Join(',', Enumerable.Range(0, 1000).Select(i => Event($"{prefix}-{i}@example.com"))) + "]";

        var response = await _client.PostJsonAsync(json);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1000, (await response.ReadJsonAsync()).GetProperty("accepted").GetInt32());
        var published = fixture.Recorder.Published<BounceClassified>().Where(m => m.Recipient.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(1000, published.Count);
        Assert.Equal(1000, published.Select(m => m.Recipient).Distinct().Count());
    }

    // {r} is a fresh valid recipient: it must not be published when anything else in the request is wrong.
    [Theory]
    [InlineData("""{"type":"bounce","recipient":"{r}" """, "")]
    [InlineData("""[{"type":"bounce","recipient":"{r}"},]""", "")]
    [InlineData("""[{"type":"bounce","recipient":"{r}"},{"type":"bounce"}]""", "/1/recipient")]
    [InlineData("""[{"type":"bounce","recipient":"{r}"},{"type":"bounce","recipient":""}]""", "/1/recipient")]
    [InlineData("""[{"type":"bounce","recipient":"{r}"},{"type":"bounce","recipient":"not-an-address"}]""", "/1/recipient")]
    [InlineData("""[{"type":"bounce","recipient":"{r}"},{"type":"bounce","recipient":"Bob <bob@b.com>"}]""", "/1/recipient")]
    [InlineData("""[{"type":"bounce","recipient":"{r}"},{"recipient":"a@b.com"}]""", "/1/type")]
    [InlineData("""[{"type":"bounce","recipient":"{r}"},{"type":"bounced","recipient":"a@b.com"}]""", "/1/type")]
    [InlineData("""[{"type":"bounce","recipient":"{r}"},{"type":"bounce","recipient":"a@b.com","smtp_code":1234}]""", "/1/smtp_code")]
    [InlineData("""[{"type":"bounce","recipient":"{r}"},{"type":"bounce","recipient":"a@b.com","dsn_code":"5.x"}]""", "/1/dsn_code")]
    [InlineData("""[{"type":"bounce","recipient":"{r}"},{"type":"bounce","recipient":"a@b.com","occurred_at":"soon"}]""", "/1/occurred_at")]
    [InlineData("""[{"type":"bounce","recipient":"{r}"},"a@b.com"]""", "/1")]
    [InlineData("""{"type":"bounce","recipient":"{r}","smtp_code":"550 "}""", "/smtp_code")]
    public async Task Bad_input_is_400_naming_the_item_and_publishes_nothing(string template, string pointer)
    {
        var recipient = IngestRequests.NewRecipient();

        var response = await _client.PostJsonAsync(template.Replace("{r}", recipient));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(pointer, Assert.Single(problem.Errors()).Pointer);
        Assert.Empty(PublishedTo(recipient));
    }

    [Fact]
    public async Task Missing_recipient_is_400_naming_the_item()
    {
        var recipients = Enumerable.Range(0, 3).Select(_ => IngestRequests.NewRecipient()).ToArray();
        var json = $$"""
            [{"type":"bounce","recipient":"{{recipients[0]}}"},{"type":"bounce","recipient":"{{recipients[1]}}"},
             {"type":"bounce","recipient":"{{recipients[2]}}"},{"type":"bounce","list_uid":"l"}]
            """;

        var problem = await (await _client.PostJsonAsync(json)).AssertProblemAsync(HttpStatusCode.BadRequest);

        var error = Assert.Single(problem.Errors());
        Assert.Equal("/3/recipient", error.Pointer);
        Assert.Contains("Event #3", error.Detail);
        Assert.Contains("Event #3", problem.GetProperty("detail").GetString());
        Assert.All(recipients, r => Assert.Empty(PublishedTo(r)));
    }

    [Fact]
    public async Task Every_bad_item_of_a_batch_is_listed()
    {
        var recipient = IngestRequests.NewRecipient();
        var json = $$"""[{"type":"bounce"},{"type":"bounce","recipient":"{{recipient}}"},{"type":"x","recipient":"nope"}]""";

        var problem = await (await _client.PostJsonAsync(json)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["/0/recipient", "/2/type", "/2/recipient"], problem.Errors().Select(e => e.Pointer));
        Assert.Contains("2 more problem(s)", problem.GetProperty("detail").GetString());
        Assert.Empty(PublishedTo(recipient));
    }

    [Fact]
    public async Task Invalid_utf8_is_400_and_publishes_nothing()
    {
        var recipient = IngestRequests.NewRecipient();
        var body = Encoding.UTF8.GetBytes($$"""[{"type":"bounce","recipient":"{{recipient}}"},{"type":"bounce","recipient":"x""")
            .Concat(new byte[] { 0xFF, 0xFE })
            .Concat(Encoding.UTF8.GetBytes("""@b.com"}]""")).ToArray();

        var problem = await (await _client.PostBytesAsync(body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("", Assert.Single(problem.Errors()).Pointer);
        Assert.Empty(PublishedTo(recipient));
    }

    [Fact]
    public async Task Invalid_utf8_in_a_property_name_is_400()
    {
        var problem = await (await _client.PostBytesAsync([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("", Assert.Single(problem.Errors()).Pointer);
    }

    [Fact]
    public async Task Escaped_lone_surrogate_is_400_naming_the_field()
    {
        var recipient = IngestRequests.NewRecipient();
        var json = $$"""[{"type":"bounce","recipient":"{{recipient}}"},{"type":"bounce","recipient":"x\uD800@b.com"}]""";

        var problem = await (await _client.PostJsonAsync(json)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("/1/recipient", Assert.Single(problem.Errors()).Pointer);
        Assert.Empty(PublishedTo(recipient));
    }

    /// <summary>One valid event padded with whitespace to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] PaddedEvent(string recipient, int size)
    {
        var json = Event(recipient);
        return Encoding.UTF8.GetBytes(json + new string(' ', size - Encoding.UTF8.GetByteCount(json)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Body_over_1_MiB_is_413_and_publishes_nothing(bool sendLength)
    {
        var recipient = IngestRequests.NewRecipient();

        var response = await _client.PostBytesAsync(PaddedEvent(recipient, OneMiB + 1), sendLength);

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("", Assert.Single(problem.Errors()).Pointer);
        Assert.Empty(PublishedTo(recipient));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Body_of_exactly_1_MiB_is_accepted(bool sendLength)
    {
        var recipient = IngestRequests.NewRecipient();

        var response = await _client.PostBytesAsync(PaddedEvent(recipient, OneMiB), sendLength);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single(PublishedTo(recipient));
    }

    [Fact]
    public async Task More_than_1000_events_is_413_and_publishes_nothing()
    {
        var prefix = $"m-{Guid.NewGuid():N}";
        var json = "[" + string.Join(',', Enumerable.Range(0, 1001).Select(i => Event($"{prefix}-{i}@example.com"))) + "]";

        var response = await _client.PostJsonAsync(json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("", Assert.Single(problem.Errors()).Pointer);
        Assert.Contains("1001", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(fixture.Recorder.Published<BounceClassified>(), m => m.Recipient.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reposting_the_same_event_gives_the_same_event_id()
    {
        var recipient = IngestRequests.NewRecipient();
        var json = Event(recipient, smtp: 550, dsn: "5.1.1");

        var first = await (await _client.PostJsonAsync(json)).ReadJsonAsync();
        var second = await (await _client.PostJsonAsync(json)).ReadJsonAsync();

        var id = first.GetProperty("events")[0].GetProperty("event_id").GetString();
        Assert.StartsWith("generic-", id);
        Assert.Equal(id, second.GetProperty("events")[0].GetProperty("event_id").GetString());
        // Both are published; consumers are idempotent on the id.
        Assert.Equal([id, id], PublishedTo(recipient).Select(m => m.EventId));
    }

    [Fact]
    public async Task Same_event_at_another_time_gets_another_event_id()
    {
        var recipient = IngestRequests.NewRecipient();
        var json = Event(recipient, smtp: 550, dsn: "5.1.1");

        var first = await (await _client.PostJsonAsync(json)).ReadJsonAsync();
        var later = await (await _client.PostJsonAsync(json.Replace("10:00:00Z", "10:00:01Z"))).ReadJsonAsync();

        Assert.NotEqual(
            first.GetProperty("events")[0].GetProperty("event_id").GetString(),
            later.GetProperty("events")[0].GetProperty("event_id").GetString());
    }
}
