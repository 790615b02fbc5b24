using System.Text;

namespace BounceService.Ingest.Tests.Providers;

public sealed class SparkPostProviderTests(ProviderServiceFixture fixture) : IClassFixture<ProviderServiceFixture>
{
    private const string Provider = "sparkpost";
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private static ProviderFixtures.Sample Json(string json) =>
        ProviderServiceFixture.WithCredentials(Provider, new ProviderFixtures.Sample(Encoding.UTF8.GetBytes(json), new()));

    [Theory]
    [InlineData("hard-bounce", "recipient@example.com", "hard", "5.1.1", 550)]
    [InlineData("soft-bounce", "full@example.com", "soft", "4.2.2", 452)]
    [InlineData("complaint", "recipient@example.com", "complaint", null, null)]
    public async Task Fixture_is_classified_as_the_fixtures_readme_says(string name, string recipient, string kind, string? dsn, int? smtp)
    {
        var sample = ProviderServiceFixture.WithCredentials(Provider, ProviderFixtures.Load(Provider, name));

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertAcceptedAsync(response, published, Provider, (recipient, kind, dsn, smtp));
        Assert.StartsWith("sparkpost-9235692769381385", published[0].EventId);
    }

    [Fact]
    public async Task Validation_ping_is_200()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, Json("""[{"msys":{}}]"""));

        await Outcomes.AssertNothingAsync(response, published);
    }

    [Fact]
    public async Task Mixed_batch_gives_outcomes_for_bounces_and_deliveries_only()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, Json("""
            [{"msys":{"track_event":{"type":"open","rcpt_to":"a@example.com","event_id":"1"}}},
             {"msys":{"message_event":{"type":"delivery","rcpt_to":"b@example.com","event_id":"2","timestamp":"1454442600"}}},
             {"msys":{"message_event":{"type":"bounce","bounce_class":"60","rcpt_to":"c@example.com","event_id":"3","raw_reason":"auto-reply"}}},
             {"msys":{"message_event":{"type":"out_of_band","bounce_class":"10","error_code":"550","rcpt_to":"d@example.com","event_id":"4",
               "raw_reason":"550 5.1.1 unknown user"}}}]
            """));

        await Outcomes.AssertAcceptedAsync(response, published, Provider,
            ("b@example.com", "delivered", null, null), ("d@example.com", "hard", "5.1.1", 550));
    }

    [Fact]
    public async Task Bearer_token_is_accepted_too()
    {
        var sample = ProviderFixtures.Load(Provider, "complaint").WithHeader("Authorization", $"Bearer {ProviderServiceFixture.SparkPostToken}");

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertAcceptedAsync(response, published, Provider, ("recipient@example.com", "complaint", null, null));
    }

    [Fact]
    public async Task Wrong_token_is_401()
    {
        var sample = ProviderFixtures.Load(Provider, "hard-bounce").WithHeader("X-MessageSystems-Webhook-Token", "sparkpost-test-tokem");

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertRefusedAsync(response, published, "token is wrong");
    }
}
