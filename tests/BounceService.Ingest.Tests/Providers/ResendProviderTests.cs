using System.Net;
using System.Text;
using BounceService.Ingest.Providers;
using BounceService.Ingest.Providers.Resend;
using Microsoft.AspNetCore.Http;

namespace BounceService.Ingest.Tests.Providers;

public sealed class ResendProviderTests(ProviderServiceFixture fixture) : IClassFixture<ProviderServiceFixture>
{
    private const string Provider = "resend";
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Theory]
    [InlineData("hard-bounce", "bounced@resend.dev", "hard", null, null)]
    [InlineData("soft-bounce", "delivered@resend.dev", "soft", null, null)]
    [InlineData("complaint", "complained@resend.dev", "complaint", null, null)]
    public async Task Fixture_is_classified_as_the_fixtures_readme_says(string name, string recipient, string kind, string? dsn, int? smtp)
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, ProviderFixtures.Load(Provider, name));

        await Outcomes.AssertAcceptedAsync(response, published, Provider, (recipient, kind, dsn, smtp));
    }

    [Fact]
    public async Task Svix_documented_vector_verifies()
    {
        var settings = new ProviderSettings { Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" };
        var headers = new HeaderDictionary
        {
            ["svix-id"] = "msg_p5jXN8AQM9LWM0D4loKWxJek",
            ["svix-timestamp"] = "1614265330",
            ["svix-signature"] = "v1,bm9ldHZhbGlk v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        };
        var request = new ProviderRequest(Provider, Encoding.UTF8.GetBytes("""{"test": 2432232314}"""), headers, settings,
            DateTimeOffset.FromUnixTimeSeconds(1614265330), TimeSpan.FromMinutes(5));

        var result = await new SvixAuthenticator().AuthenticateAsync(request, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task Tampered_body_is_401()
    {
        var sample = ProviderFixtures.Load(Provider, "hard-bounce");
        sample = sample with { Body = Outcomes.Replace(sample.Body, "\"Permanent\"", "\"Transient\"") };

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertRefusedAsync(response, published, "No v1 signature matches");
    }

    [Fact]
    public async Task Wrong_svix_id_is_401()
    {
        var sample = ProviderFixtures.Load(Provider, "complaint").WithHeader("svix-id", "msg_other");

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertRefusedAsync(response, published, "No v1 signature matches");
    }

    [Fact]
    public async Task Stale_timestamp_is_401()
    {
        var sample = ProviderFixtures.Load(Provider, "complaint");

        var (response, published) = await fixture.PostAsync(_client, Provider, sample, sample.SignedAt()!.Value.AddMinutes(10));

        await Outcomes.AssertRefusedAsync(response, published, "away from the current time");
    }

    [Fact]
    public async Task Duplicate_delivery_is_accepted_twice_with_the_same_event_id()
    {
        var (first, once) = await fixture.PostAsync(_client, Provider, ProviderFixtures.Load(Provider, "hard-bounce"));
        var (second, twice) = await fixture.PostAsync(_client, Provider, ProviderFixtures.Load(Provider, "hard-bounce"));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        Assert.Equal(Assert.Single(once).EventId, Assert.Single(twice).EventId);
    }
}
