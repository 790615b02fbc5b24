using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using BounceService.Ingest.Providers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BounceService.Ingest.Tests.Providers;

public sealed class ProviderIngestEndpointTests(ProviderServiceFixture fixture) : IClassFixture<ProviderServiceFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    /// <summary>Counts one instrument of this fixture's host only (other hosts share the meter name).</summary>
    private sealed class Counter : IDisposable
    {
        private readonly MeterListener _listener = new();

        public ConcurrentQueue<(long Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

        public Counter(IServiceProvider services, string instrument)
        {
            var scope = services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (i, listener) =>
            {
                if (i.Meter.Name == IngestMetrics.MeterName && i.Name == instrument && ReferenceEquals(i.Meter.Scope, scope))
                    listener.EnableMeasurementEvents(i);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
                Measurements.Enqueue((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
            _listener.Start();
        }

        public void Dispose() => _listener.Dispose();
    }

    [Fact]
    public async Task Auth_failure_is_counted_by_provider()
    {
        using var counter = new Counter(fixture.Factory.Services, IngestMetrics.AuthFailuresName);

        var (response, _) = await fixture.PostAsync(_client, "brevo", ProviderFixtures.Load("brevo", "hard-bounce"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var (value, tags) = Assert.Single(counter.Measurements);
        Assert.Equal((1, "brevo"), (value, tags["provider"]));
    }

    [Fact]
    public async Task Ignored_event_types_are_counted()
    {
        using var counter = new Counter(fixture.Factory.Services, IngestMetrics.IgnoredEventsName);
        var sample = ProviderServiceFixture.WithCredentials("brevo", new ProviderFixtures.Sample(
            """[{"event":"opened","email":"a@example.com"},{"event":"never_seen","email":"a@example.com"}]"""u8.ToArray(), new()));

        var (response, _) = await fixture.PostAsync(_client, "brevo", sample);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["opened", "never_seen"], counter.Measurements.Select(m => (string)m.Tags["event_type"]!));
    }

    [Theory]
    [InlineData("nosuchprovider")]
    [InlineData("dsn-ish")]
    public async Task Unknown_provider_is_404_problem_details(string provider)
    {
        var response = await _client.PostAsync($"/v1/ingest/{provider}", new ByteArrayContent("{}"u8.ToArray()));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Provider_name_is_case_insensitive()
    {
        var (response, _) = await fixture.PostAsync(_client, "SendGrid", ProviderFixtures.Load("sendgrid", "complaint"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Body_over_the_limit_is_413()
    {
        var body = Encoding.UTF8.GetBytes("[" + new string(' ', 1024 * 1024) + "]");

        var (response, published) = await fixture.PostAsync(_client, "sparkpost",
            ProviderServiceFixture.WithCredentials("sparkpost", new ProviderFixtures.Sample(body, new())));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(published);
    }

    [Fact]
    public async Task Invalid_utf8_is_400()
    {
        var body = "{\"RecordType\":\"Bounce\",\"Email\":\"a"u8.ToArray().Concat(new byte[] { 0xC3 }).Concat("@b.com\"}"u8.ToArray()).ToArray();

        var (response, published) = await fixture.PostAsync(_client, "postmark",
            ProviderServiceFixture.WithCredentials("postmark", new ProviderFixtures.Sample(body, new())));

        Assert.Contains("UTF-8", await Outcomes.AssertInvalidAsync(response, published));
    }
}

public sealed class UnconfiguredProviderTests(IngestServiceFixture fixture) : IClassFixture<IngestServiceFixture>
{
    [Theory]
    [InlineData("postmark")]
    [InlineData("ses")]
    [InlineData("sendgrid")]
    public async Task Provider_without_a_configuration_section_is_404(string provider)
    {
        var response = await fixture.Factory.CreateClient().PostAsync($"/v1/ingest/{provider}", new ByteArrayContent("{}"u8.ToArray()));

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(provider, problem.GetProperty("detail").GetString());
    }
}

/// <summary>Postmark with verification switched off (local testing).</summary>
public sealed class UnverifiedProviderFixture : ProviderServiceFixture
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() => [new("Providers:Postmark:Verify", "false")];
}

public sealed class UnverifiedProviderTests(UnverifiedProviderFixture fixture) : IClassFixture<UnverifiedProviderFixture>
{
    [Fact]
    public async Task Verify_false_accepts_callbacks_without_credentials()
    {
        var (response, published) = await fixture.PostAsync(fixture.Factory.CreateClient(), "postmark", ProviderFixtures.Load("postmark", "hard-bounce"));

        await Outcomes.AssertAcceptedAsync(response, published, "postmark", ("john@example.com", "hard", "5.1.1", 550));
    }

    [Fact]
    public async Task Other_providers_stay_unconfigured()
    {
        var response = await fixture.Factory.CreateClient().PostAsync("/v1/ingest/mailgun", new ByteArrayContent("{}"u8.ToArray()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class ProviderStartupTests
{
    [Theory]
    [InlineData("Providers:Mailgun:Verify", "true", "Providers:Mailgun needs SigningKey")]
    [InlineData("Providers:Ses:Token", "t", "Providers:Ses needs TopicArns")]
    [InlineData("Providers:SendGrid:PublicKey", "bm90IGEga2V5", "PublicKey is not a base64 DER EC public key")]
    [InlineData("Providers:Brevo:Username", "only-a-user", "Providers:Brevo needs Username and Password")]
    public void Enabled_provider_without_its_keys_stops_the_service_at_start(string key, string value, string message)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:RabbitMq", "amqp://app:app@127.0.0.1:1/");
            web.UseSetting(key, value);
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, error.ToString());
    }
}
