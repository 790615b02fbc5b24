using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BounceService.Contracts;

namespace BounceService.Ingest.Tests;

public sealed class DsnIngestEndpointTests(IngestServiceFixture fixture) : IClassFixture<IngestServiceFixture>
{
    private const string Path = "/v1/ingest/dsn";
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private static byte[] Fixture(string name) =>
        File.ReadAllBytes(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "providers", name));

    private Task<HttpResponseMessage> PostAsync(byte[] message, string mediaType = "message/rfc822")
    {
        var content = new ByteArrayContent(message);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return _client.PostAsync(Path, content);
    }

    private async Task<BounceClassified> PublishedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("events")[0].GetProperty("event_id").GetString();
        return fixture.Recorder.Published<BounceClassified>().Last(e => e.EventId == id);
    }

    [Fact]
    public async Task Failed_dsn_is_a_hard_bounce_tied_to_its_campaign()
    {
        var published = await PublishedAsync(await PostAsync(Fixture("rfc3464/hard-bounce.eml")));

        Assert.Equal(("dsn", "jane.doe@example.net", BounceKinds.Hard, "5.1.1", 550),
            (published.Provider, published.Recipient, published.Kind, published.DsnCode, published.SmtpCode));
        Assert.Equal("userunknown", published.Reason);
        Assert.Equal("3f2b1c0d-9e8f-4a7b-b6c5-d4e3f2a1b0c9", published.CampaignUid);
    }

    [Fact]
    public async Task Sending_systems_own_category_is_kept_as_the_provider_label()
    {
        var plain = await PublishedAsync(await PostAsync(Fixture("rfc3464/hard-bounce.eml")));
        var text = Encoding.UTF8.GetString(Fixture("rfc3464/hard-bounce.eml"))
            .Replace("Action: failed", "Action: failed\r\nX-PowerMTA-BounceCategory: bad-mailbox", StringComparison.Ordinal);
        var categorised = await PublishedAsync(await PostAsync(Encoding.UTF8.GetBytes(text)));

        Assert.Equal("failed", plain.ProviderLabel); // no category: the DSN's action
        Assert.Equal("bad-mailbox", categorised.ProviderLabel);
    }

    [Fact]
    public async Task Delayed_dsn_is_a_soft_bounce()
    {
        var published = await PublishedAsync(await PostAsync(Fixture("rfc3464/soft-bounce.eml")));

        Assert.Equal(("mary.major@example.org", BounceKinds.Soft, "4.2.2"), (published.Recipient, published.Kind, published.DsnCode));
    }

    [Fact]
    public async Task Feedback_report_is_a_complaint()
    {
        var published = await PublishedAsync(await PostAsync(Fixture("arf/complaint.eml")));

        Assert.Equal(("lucy.liu@example-isp.net", BounceKinds.Complaint, "feedback"), (published.Recipient, published.Kind, published.Reason));
    }

    [Fact]
    public async Task Same_message_twice_gets_the_same_event_id()
    {
        var first = await PostAsync(Fixture("rfc3464/hard-bounce.eml"));
        var second = await PostAsync(Fixture("rfc3464/hard-bounce.eml"));

        Assert.Equal((await PublishedAsync(first)).EventId, (await PublishedAsync(second)).EventId);
    }

    [Fact]
    public async Task Ordinary_mail_is_422_and_publishes_nothing()
    {
        var marker = $"m-{Guid.NewGuid():N}@example.com";
        var mail = Encoding.ASCII.GetBytes($"From: Ann <{marker}>\r\nTo: bob@example.com\r\nSubject: lunch?\r\n\r\nSee you at noon.\r\n");

        var response = await PostAsync(mail);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.DoesNotContain(fixture.Recorder.Published<BounceClassified>(), e => e.Recipient == marker);
    }

    [Fact]
    public async Task A_complaint_that_names_nobody_is_422_and_publishes_nothing()
    {
        var campaign = $"c-{Guid.NewGuid():N}";
        var report = Encoding.ASCII.GetBytes(
            "From: fbl@isp.example\r\nTo: fbl@example.com\r\nSubject: Abuse Report\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/report; report-type=feedback-report; boundary=\"B\"\r\n\r\n"
            + "--B\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\nUser-Agent: isp/1.0\r\nVersion: 1\r\n\r\n"
            + $"--B\r\nContent-Type: message/rfc822\r\n\r\nTo: \"undisclosed\"\r\nX-Campaign-Id: {campaign}\r\nSubject: Hello\r\n\r\nHello.\r\n--B--\r\n");

        var response = await PostAsync(report);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.DoesNotContain(fixture.Recorder.Published<BounceClassified>(), e => e.CampaignUid == campaign);
    }

    [Fact]
    public async Task Other_media_type_is_415()
    {
        var response = await PostAsync(Fixture("rfc3464/hard-bounce.eml"), "application/json");

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Message_over_10_MiB_is_413()
    {
        var response = await PostAsync(new byte[10 * 1024 * 1024 + 1]);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}
