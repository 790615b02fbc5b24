using System.Net;
using System.Text;
using BounceService.Ingest.Providers;
using BounceService.Ingest.Providers.SendGrid;
using Microsoft.AspNetCore.Http;

namespace BounceService.Ingest.Tests.Providers;

public sealed class SendGridProviderTests(ProviderServiceFixture fixture) : IClassFixture<ProviderServiceFixture>
{
    private const string Provider = "sendgrid";
    private const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Theory]
    [InlineData("hard-bounce", "jane.doe@example.com", "hard", "5.1.1", 550)]
    [InlineData("soft-bounce", "mary.major@example.com", "soft", "4.7.650", 451)]
    [InlineData("complaint", "richard.roe@example.com", "complaint", null, null)]
    public async Task Fixture_is_classified_as_the_fixtures_readme_says(string name, string recipient, string kind, string? dsn, int? smtp)
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, ProviderFixtures.Load(Provider, name));

        await Outcomes.AssertAcceptedAsync(response, published, Provider, (recipient, kind, dsn, smtp));
    }

    [Fact]
    public async Task Official_sdk_test_vector_verifies()
    {
        var settings = new ProviderSettings { PublicKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==" };
        var headers = new HeaderDictionary
        {
            [SignatureHeader] = "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0=",
            [SendGridAuthenticator.TimestampHeader] = "1588788367",
        };
        var body = Encoding.UTF8.GetBytes("""{"category":"example_payload","event":"test_event","message_id":"message_id"}""");
        var request = new ProviderRequest(Provider, body, headers, settings, DateTimeOffset.FromUnixTimeSeconds(1588788367), TimeSpan.FromMinutes(5));

        var result = await new SendGridAuthenticator().AuthenticateAsync(request, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task Tampered_body_is_401()
    {
        var sample = ProviderFixtures.Load(Provider, "hard-bounce");
        sample = sample with { Body = Outcomes.Replace(sample.Body, "jane.doe@example.com", "jane.roe@example.com") };

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertRefusedAsync(response, published, "signature does not match");
    }

    [Fact]
    public async Task Signature_of_another_body_is_401()
    {
        var other = ProviderFixtures.Load(Provider, "complaint").Headers[SignatureHeader];
        var sample = ProviderFixtures.Load(Provider, "hard-bounce").WithHeader(SignatureHeader, other);

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertRefusedAsync(response, published, "signature does not match");
    }

    [Fact]
    public async Task Stale_timestamp_is_401()
    {
        var sample = ProviderFixtures.Load(Provider, "hard-bounce");

        var (response, published) = await fixture.PostAsync(_client, Provider, sample, sample.SignedAt()!.Value.AddMinutes(-6));

        await Outcomes.AssertRefusedAsync(response, published, "away from the current time");
    }

    [Fact]
    public async Task Missing_signature_headers_are_401()
    {
        var sample = ProviderFixtures.Load(Provider, "hard-bounce").WithoutHeader(SignatureHeader);

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertRefusedAsync(response, published, "headers are required");
    }

    [Fact]
    public async Task Duplicate_delivery_is_accepted_twice_with_the_same_event_id()
    {
        var (first, once) = await fixture.PostAsync(_client, Provider, ProviderFixtures.Load(Provider, "complaint"));
        var (second, twice) = await fixture.PostAsync(_client, Provider, ProviderFixtures.Load(Provider, "complaint"));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        Assert.Equal("sendgrid-37nvH5QBz858KGVYCM4uOA==", Assert.Single(once).EventId);
        Assert.Equal(once[0].EventId, Assert.Single(twice).EventId);
    }
}
