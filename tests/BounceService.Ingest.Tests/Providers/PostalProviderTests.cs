using System.Net;

namespace BounceService.Ingest.Tests.Providers;

public sealed class PostalProviderTests(ProviderServiceFixture fixture) : IClassFixture<ProviderServiceFixture>
{
    private const string Provider = "postal";
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Theory]
    [InlineData("hard-bounce", "test@example.com", "hard", "5.1.1", 550)]
    [InlineData("soft-bounce", "slow@example.net", "soft", "4.7.1", 451)]
    [InlineData("async-bounce", "test@example.com", "undetermined", null, null)]
    public async Task Fixture_is_classified_as_the_fixtures_readme_says(string name, string recipient, string kind, string? dsn, int? smtp)
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, ProviderFixtures.Load(Provider, name));

        await Outcomes.AssertAcceptedAsync(response, published, Provider, (recipient, kind, dsn, smtp));
    }

    [Fact]
    public async Task Legacy_sha1_signature_alone_is_accepted()
    {
        var sample = ProviderFixtures.Load(Provider, "hard-bounce").WithoutHeader("X-Postal-Signature-256");

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertAcceptedAsync(response, published, Provider, ("test@example.com", "hard", "5.1.1", 550));
    }

    [Fact]
    public async Task Tampered_body_is_401()
    {
        var sample = ProviderFixtures.Load(Provider, "soft-bounce");
        sample = sample with { Body = Outcomes.Replace(sample.Body, "SoftFail", "HardFail") };

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertRefusedAsync(response, published, "signature does not match");
    }

    [Fact]
    public async Task Wrong_sha256_signature_is_not_rescued_by_a_valid_sha1_one()
    {
        var other = ProviderFixtures.Load(Provider, "soft-bounce").Headers["X-Postal-Signature-256"];
        var sample = ProviderFixtures.Load(Provider, "hard-bounce").WithHeader("X-Postal-Signature-256", other);

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertRefusedAsync(response, published, "signature does not match");
    }

    [Fact]
    public async Task Duplicate_delivery_is_accepted_twice_with_the_same_event_id()
    {
        var (first, once) = await fixture.PostAsync(_client, Provider, ProviderFixtures.Load(Provider, "async-bounce"));
        var (second, twice) = await fixture.PostAsync(_client, Provider, ProviderFixtures.Load(Provider, "async-bounce"));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        Assert.Equal("postal-820b47a4-4dfd-42e4-ae6a-1e5bed5a33fd", Assert.Single(once).EventId);
        Assert.Equal(once[0].EventId, Assert.Single(twice).EventId);
    }
}
