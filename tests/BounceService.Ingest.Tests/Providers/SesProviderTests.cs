using System.Net;
using System.Text;

namespace BounceService.Ingest.Tests.Providers;

public sealed class SesProviderTests(ProviderServiceFixture fixture) : IClassFixture<ProviderServiceFixture>, IDisposable
{
    private const string Provider = "ses";
    private static readonly DateTimeOffset Now = new(2024, 6, 10, 8, 15, 30, TimeSpan.Zero);
    private readonly HttpClient _client = fixture.Factory.CreateClient();
    private readonly SnsSigner _signer = new();

    private static ProviderFixtures.Sample Sample(string name) => ProviderFixtures.Load("amazon-ses", name);

    private void TrustSigner() => fixture.Sns.Certificates[SnsSigner.CertificateUrl] = _signer.CertificatePem;

    private static Dictionary<string, string> Confirmation(string subscribeUrl) => new()
    {
        ["Type"] = "SubscriptionConfirmation",
        ["MessageId"] = Guid.NewGuid().ToString(),
        ["Token"] = "token-1",
        ["TopicArn"] = ProviderServiceFixture.TopicArn,
        ["Message"] = "You have chosen to subscribe.",
        ["SubscribeURL"] = subscribeUrl,
        ["Timestamp"] = "2024-06-10T08:15:04.751Z",
    };

    private static Dictionary<string, string> Notification(string sesJson) => new()
    {
        ["Type"] = "Notification",
        ["MessageId"] = Guid.NewGuid().ToString(),
        ["TopicArn"] = ProviderServiceFixture.TopicArn,
        ["Message"] = sesJson,
        ["Timestamp"] = "2024-06-10T08:15:04.751Z",
    };

    public void Dispose() => _signer.Dispose();

    [Theory]
    [InlineData("hard-bounce", "jane@example.com", "hard", "5.1.1", 550)]
    [InlineData("soft-bounce", "mary@example.com", "soft", "4.2.2", 452)]
    [InlineData("soft-delivery-delay", "recipient@example.com", "soft", "4.4.1", 421)]
    [InlineData("complaint", "richard@example.com", "complaint", null, null)]
    public async Task Fixture_is_classified_as_the_fixtures_readme_says(string name, string recipient, string kind, string? dsn, int? smtp)
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, Sample(name));

        await Outcomes.AssertAcceptedAsync(response, published, Provider, (recipient, kind, dsn, smtp));
    }

    [Fact]
    public async Task Subscription_confirmation_is_confirmed_at_its_subscribe_url_after_the_signature_passed()
    {
        var sample = Sample("subscription-confirmation");

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertNothingAsync(response, published);
        Assert.Contains(fixture.Sns.Confirmations, u => u.AbsoluteUri.StartsWith("https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Subscription_confirmation_with_a_bad_signature_is_not_confirmed()
    {
        var sample = Sample("subscription-confirmation");
        sample = sample with { Body = Outcomes.Replace(sample.Body, "\"Token\": \"2336", "\"Token\": \"3336") };
        var before = fixture.Sns.Confirmations.Count;

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertRefusedAsync(response, published, "signature does not match");
        Assert.Equal(before, fixture.Sns.Confirmations.Count);
    }

    [Fact]
    public async Task Subscribe_url_on_a_foreign_host_is_refused_and_never_called_even_when_signed()
    {
        TrustSigner();
        var before = fixture.Sns.Confirmations.Count;
        var body = _signer.Sign(Confirmation("https://sns.us-east-1.amazonaws.com.evil.example/?Action=ConfirmSubscription&Token=t"));

        var (response, published) = await fixture.PostAsync(_client, Provider, new ProviderFixtures.Sample(body, new()), Now);

        await Outcomes.AssertRefusedAsync(response, published, "SubscribeURL");
        Assert.Equal(before, fixture.Sns.Confirmations.Count);
    }

    [Theory]
    [InlineData("https://sns.us-east-1.amazonaws.com.evil.example/cert.pem")]
    [InlineData("http://sns.us-east-1.amazonaws.com/cert.pem")]
    [InlineData("https://sns.us-east-1.amazonaws.com:8443/cert.pem")]
    [InlineData("https://user@sns.us-east-1.amazonaws.com/cert.pem")]
    [InlineData("https://evil.example/sns.us-east-1.amazonaws.com/cert.pem")]
    [InlineData("https://sns.us-east-1.amazonaws.com/cert.txt")]
    public async Task Signing_certificate_from_anywhere_but_an_sns_host_is_never_fetched(string certificateUrl)
    {
        var body = _signer.Sign(Notification("{}"), certificateUrl: certificateUrl);

        var (response, published) = await fixture.PostAsync(_client, Provider, new ProviderFixtures.Sample(body, new()), Now);

        await Outcomes.AssertRefusedAsync(response, published, "SigningCertURL");
        Assert.DoesNotContain(fixture.Sns.CertificateRequests, u => u.AbsoluteUri == new Uri(certificateUrl).AbsoluteUri);
    }

    [Fact]
    public async Task Envelope_signed_by_the_test_key_with_version_1_and_a_subject_is_read()
    {
        TrustSigner();
        var fields = Notification("""{"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bounceSubType":"Suppressed","bouncedRecipients":[{"emailAddress":"s1@example.com"},{"emailAddress":"s2@example.com"}],"timestamp":"2024-06-10T08:15:00Z"},"mail":{"messageId":"m-1","destination":["s1@example.com","s2@example.com","other@example.com"]}}""");
        fields["Subject"] = "Amazon SES Email Event Notification";

        var (response, published) = await fixture.PostAsync(_client, Provider, new ProviderFixtures.Sample(_signer.Sign(fields, version: "1"), new()), Now);

        await Outcomes.AssertAcceptedAsync(response, published, Provider, ("s1@example.com", "hard", null, null), ("s2@example.com", "hard", null, null));
    }

    [Fact]
    public async Task Tampered_message_is_401()
    {
        var sample = Sample("hard-bounce");
        sample = sample with { Body = Outcomes.Replace(sample.Body, "jane@example.com\\\",\\\"status", "john@example.com\\\",\\\"status") };

        var (response, published) = await fixture.PostAsync(_client, Provider, sample);

        await Outcomes.AssertRefusedAsync(response, published, "signature does not match");
    }

    [Fact]
    public async Task Stale_timestamp_is_401()
    {
        var sample = Sample("soft-bounce");

        var (response, published) = await fixture.PostAsync(_client, Provider, sample, sample.SignedAt()!.Value.AddMinutes(30));

        await Outcomes.AssertRefusedAsync(response, published, "away from the current time");
    }

    [Fact]
    public async Task Topic_not_configured_is_401()
    {
        TrustSigner();
        var fields = Notification("""{"notificationType":"Complaint","complaint":{"complainedRecipients":[{"emailAddress":"a@example.com"}]},"mail":{}}""");
        fields["TopicArn"] = "arn:aws:sns:us-east-1:999999999999:someone-elses-topic";

        var (response, published) = await fixture.PostAsync(_client, Provider, new ProviderFixtures.Sample(_signer.Sign(fields), new()), Now);

        await Outcomes.AssertRefusedAsync(response, published, "is not one of Providers:Ses:TopicArns");
    }

    [Fact]
    public async Task Signing_certificate_is_fetched_once()
    {
        await fixture.PostAsync(_client, Provider, Sample("complaint"));
        await fixture.PostAsync(_client, Provider, Sample("hard-bounce"));

        Assert.Single(fixture.Sns.CertificateRequests, u => u.AbsoluteUri == ProviderServiceFixture.CertificateUrl);
    }

    [Fact]
    public async Task Duplicate_delivery_is_accepted_twice_with_the_same_event_id()
    {
        var (first, once) = await fixture.PostAsync(_client, Provider, Sample("hard-bounce"));
        var (second, twice) = await fixture.PostAsync(_client, Provider, Sample("hard-bounce"));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        Assert.Equal(Assert.Single(once).EventId, Assert.Single(twice).EventId);
    }

    private static ProviderFixtures.Sample Raw(string json, string? token) => new(Encoding.UTF8.GetBytes(json),
        token is null
            ? new() { ["x-amz-sns-rawdelivery"] = "true" }
            : new() { ["x-amz-sns-rawdelivery"] = "true", ["Authorization"] = $"Bearer {token}" });

    private const string RawBounce = """{"notificationType":"Bounce","bounce":{"bounceType":"Transient","bounceSubType":"General","bouncedRecipients":[{"emailAddress":"raw@example.com","status":"5.4.4","diagnosticCode":"smtp; 550 5.4.4 unable to route"}],"timestamp":"2024-06-10T08:15:00Z"},"mail":{"messageId":"m-raw"}}""";

    [Fact]
    public async Task Raw_message_delivery_with_the_token_is_read_and_codes_beat_the_transient_label()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, Raw(RawBounce, ProviderServiceFixture.SesToken), Now);

        await Outcomes.AssertAcceptedAsync(response, published, Provider, ("raw@example.com", "hard", "5.4.4", 550));
    }

    [Fact]
    public async Task Raw_message_delivery_without_the_token_is_401()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider, Raw(RawBounce, null), Now);

        await Outcomes.AssertRefusedAsync(response, published, "no credentials");
    }

    [Fact]
    public async Task Event_publishing_types_without_an_outcome_are_200()
    {
        var (response, published) = await fixture.PostAsync(_client, Provider,
            Raw("""{"eventType":"Open","open":{"timestamp":"2024-06-10T08:15:00Z"},"mail":{"messageId":"m-open"}}""", ProviderServiceFixture.SesToken), Now);

        await Outcomes.AssertNothingAsync(response, published);
    }
}
