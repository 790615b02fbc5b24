using System.Net;
using BounceService.Ingest.Providers;
using BounceService.Ingest.Providers.Mailgun;
using Microsoft.AspNetCore.Http;

namespace BounceService.Ingest.Tests.Providers;

public sealed class MailgunProviderTests(ProviderServiceFixture fixture) : IClassFixture<ProviderServiceFixture>
{
    private const string Provider = "mailgun";
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Theory]
    [InlineData("hard-bounce", "jane.doe@example.com", "hard", "5.1.1", 550)]
    [InlineData("soft-bounce", "someone@hotmail.com", "soft", "4.7.652", 451)]
    [InlineData("complaint", "foo@example.com", "complaint", null, null)]
    public async Task Fixture_is_classified_as_the_fixtures_readme_says(string name, string recipient, string kind, string? dsn, int? smtp)
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, ProviderFixtures.Load(Provider, name));

        await Outcomes.AssertAcceptedAsync(response, published, Provider, (recipient, kind, dsn, smtp));
    }

    [Fact]
    public async Task The_mx_host_that_answered_is_kept_as_the_remote_host()
    {
        var sample = ProviderFixtures.Load(Provider, "soft-bounce");
        var request = new ProviderRequest(Provider, sample.Body, new HeaderDictionary(), new ProviderSettings(), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

        var result = await new MailgunParser().ParseAsync(request, CancellationToken.None);

        Assert.Equal("hotmail-com.olc.protection.outlook.com", Assert.Single(result.Events).RemoteHost);
    }

    [Fact]
    public async Task Tampered_signature_is_401()
    {
        var sample = ProviderFixtures.Load(Provider, "hard-bounce");
        sample = sample with { Body = Outcomes.Replace(sample.Body, "6cca75bdec9fc865", "7cca75bdec9fc865") };

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertRefusedAsync(response, published, "signature does not match");
    }

    [Fact]
    public async Task Changed_timestamp_breaks_the_signature()
    {
        var sample = ProviderFixtures.Load(Provider, "hard-bounce");
        var signedAt = sample.SignedAt()!.Value;
        sample = sample with { Body = Outcomes.Replace(sample.Body, "\"1718012346\"", "\"1718012999\"") };

        var (response, published) = await fixture.PostAsync(_client, Provider, sample, signedAt.AddSeconds(700));

        await Outcomes.AssertRefusedAsync(response, published, "signature does not match");
    }

    [Fact]
    public async Task Stale_timestamp_is_401()
    {
        var sample = ProviderFixtures.Load(Provider, "hard-bounce");

        var (response, published) = await fixture.PostAsync(_client, Provider, sample, sample.SignedAt()!.Value.AddMinutes(6));

        await Outcomes.AssertRefusedAsync(response, published, "away from the current time");
    }

    [Fact]
    public async Task Duplicate_delivery_is_accepted_twice_with_the_same_event_id()
    {
        var (first, once) = await fixture.PostAsync(_client, Provider, ProviderFixtures.Load(Provider, "soft-bounce"));
        var (second, twice) = await fixture.PostAsync(_client, Provider, ProviderFixtures.Load(Provider, "soft-bounce"));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        Assert.Equal(Assert.Single(once).EventId, Assert.Single(twice).EventId);
    }

    [Fact]
    public async Task Body_without_a_signature_block_is_401()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider,
            new ProviderFixtures.Sample("""{"event-data":{"event":"failed","recipient":"a@example.com"}}"""u8.ToArray(), new()));

        await Outcomes.AssertRefusedAsync(response, published, "signature");
    }
}
