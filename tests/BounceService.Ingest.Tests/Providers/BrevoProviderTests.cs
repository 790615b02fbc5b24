using System.Text;

namespace BounceService.Ingest.Tests.Providers;

public sealed class BrevoProviderTests(ProviderServiceFixture fixture) : IClassFixture<ProviderServiceFixture>
{
    private const string Provider = "brevo";
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private static ProviderFixtures.Sample Json(string json) =>
        ProviderServiceFixture.WithCredentials(Provider, new ProviderFixtures.Sample(Encoding.UTF8.GetBytes(json), new()));

    [Theory]
    [InlineData("hard-bounce", "not-a-user@example.com", "hard", "5.1.1", 550)]
    [InlineData("soft-bounce", "full@example.com", "soft", "4.2.2", 452)]
    [InlineData("complaint", "complainer@example.com", "complaint", null, null)]
    public async Task Fixture_is_classified_as_the_fixtures_readme_says(string name, string recipient, string kind, string? dsn, int? smtp)
    {
        var sample = ProviderServiceFixture.WithCredentials(Provider, ProviderFixtures.Load(Provider, name));

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertAcceptedAsync(response, published, Provider, (recipient, kind, dsn, smtp));
    }

    [Fact]
    public async Task Time_is_the_utc_ts_event_not_the_cet_date()
    {
        var (_, published) = await fixture.PostAsync(_client, Provider, ProviderServiceFixture.WithCredentials(Provider, ProviderFixtures.Load(Provider, "hard-bounce")));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1718012325), Assert.Single(published).OccurredAt);
    }

    [Fact]
    public async Task Batched_array_with_old_tag_field_and_unknown_events_is_read()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, Json("""
            [{"event":"opened","email":"a@example.com","ts_event":1718012325},
             {"event":"invalid_email","email":"b@example.com","ts_event":"1718012325","tag":"old","message-id":"<m1@x>"},
             {"event":"delivered","email":"c@example.com","ts_epoch":1718012325123,"tags":["t"],"message-id":"<m2@x>"},
             {"event":"complaint","email":"d@example.com","ts_event":1718012325}]
            """));

        await Outcomes.AssertAcceptedAsync(response, published, Provider,
            ("b@example.com", "hard", null, null), ("c@example.com", "delivered", null, null), ("d@example.com", "complaint", null, null));
    }

    [Fact]
    public async Task Missing_token_is_401()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, ProviderFixtures.Load(Provider, "hard-bounce"));

        await Outcomes.AssertRefusedAsync(response, published, "no credentials");
    }
}
