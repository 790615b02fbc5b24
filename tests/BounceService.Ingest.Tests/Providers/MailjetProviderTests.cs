using System.Text;

namespace BounceService.Ingest.Tests.Providers;

public sealed class MailjetProviderTests(ProviderServiceFixture fixture) : IClassFixture<ProviderServiceFixture>
{
    private const string Provider = "mailjet";
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private static ProviderFixtures.Sample Json(string json) =>
        ProviderServiceFixture.WithCredentials(Provider, new ProviderFixtures.Sample(Encoding.UTF8.GetBytes(json), new()));

    [Theory]
    [InlineData("hard-bounce", "bounce@mailjet.com", "hard", "5.1.1", 550)]
    [InlineData("soft-bounce", "full@example.com", "soft", "4.2.2", 452)]
    [InlineData("complaint", "bounce@mailjet.com", "complaint", null, null)]
    public async Task Fixture_is_classified_as_the_fixtures_readme_says(string name, string recipient, string kind, string? dsn, int? smtp)
    {
        var sample = ProviderServiceFixture.WithCredentials(Provider, ProviderFixtures.Load(Provider, name));

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertAcceptedAsync(response, published, Provider, (recipient, kind, dsn, smtp));
    }

    [Fact]
    public async Task Grouped_events_give_one_outcome_per_bounce_complaint_or_delivery_and_ignore_the_rest()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, Json("""
            [{"event":"open","time":1430812195,"MessageID":13792286917004339,"email":"a@example.com"},
             {"event":"sent","time":1430812195,"MessageID":13792286917004340,"email":"b@example.com","smtp_reply":"250 2.0.0 OK"},
             {"event":"bounce","time":"1430812195","MessageID":"13792286917004341","email":"c@example.com","hard_bounce":"true",
              "error_related_to":"recipient","error":"user unknown"},
             {"event":"blocked","time":1430812195,"MessageID":13792286917004342,"email":"d@example.com","error_related_to":"mailjet","error":"duplicate in campaign"},
             {"event":"brand_new","email":"e@example.com"}]
            """));

        await Outcomes.AssertAcceptedAsync(response, published, Provider,
            ("b@example.com", "delivered", "2.0.0", 250), ("c@example.com", "hard", null, null));
    }

    [Fact]
    public async Task Bare_object_without_grouping_is_read()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, Json("""
            {"event":"spam","time":1430812195,"MessageID":13792286917004338,"email":"x@example.com","source":"JMRPP"}
            """));

        await Outcomes.AssertAcceptedAsync(response, published, Provider, ("x@example.com", "complaint", null, null));
    }

    [Fact]
    public async Task Documentation_sample_with_a_missing_comma_is_400()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, Json("""{"event":"bounce" "email":"x@example.com"}"""));

        Assert.Contains("not valid JSON", await Outcomes.AssertInvalidAsync(response, published));
    }

    [Fact]
    public async Task Wrong_credentials_are_401()
    {
        var sample = ProviderFixtures.Load(Provider, "hard-bounce").WithHeader("Authorization", ProviderServiceFixture.Basic("mailjet-user", "postmark-pass").ToString());

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertRefusedAsync(response, published, "credentials are wrong");
    }
}
