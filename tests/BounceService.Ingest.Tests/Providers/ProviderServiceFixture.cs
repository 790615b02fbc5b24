using System.Net.Http.Headers;
using System.Text;
using BounceService.Contracts;
using BounceService.Ingest.Providers.Ses;
using BounceService.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BounceService.Ingest.Tests.Providers;

/// <summary>
/// Ingest with every provider configured with the fixtures' test-only keys, verification on, a settable clock,
/// a fake SNS, and the in-memory bus. One per test class; a class's tests run one after another.
/// </summary>
public class ProviderServiceFixture : IAsyncLifetime
{
    public const string TopicArn = "arn:aws:sns:us-east-1:123456789012:ses-feedback";
    public const string CertificateUrl = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-f1x7e5c0ffee0000000000000000test.pem";
    public const string SparkPostToken = "sparkpost-test-token";
    public const string BrevoToken = "brevo-test-token";
    public const string SesToken = "ses-raw-test-token";

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public BusRecorder Recorder { get; } = new();
    public TestClock Clock { get; } = new();
    public FakeSnsClient Sns { get; } = new();

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>The credentials each unsigned provider is configured with in this fixture.</summary>
    public static ProviderFixtures.Sample WithCredentials(string provider, ProviderFixtures.Sample sample) => provider switch
    {
        "postmark" => sample.WithHeader("Authorization", Basic("postmark-user", "postmark-pass").ToString()),
        "mailjet" => sample.WithHeader("Authorization", Basic("mailjet-user", "mailjet-pass").ToString()),
        "sparkpost" => sample.WithHeader("X-MessageSystems-Webhook-Token", SparkPostToken),
        "brevo" => sample.WithHeader("Authorization", $"Bearer {BrevoToken}"),
        _ => sample,
    };

    protected virtual IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Providers:Postmark:Username", "postmark-user"),
        new("Providers:Postmark:Password", "postmark-pass"),
        new("Providers:Mailjet:Username", "mailjet-user"),
        new("Providers:Mailjet:Password", "mailjet-pass"),
        new("Providers:SparkPost:Token", SparkPostToken),
        new("Providers:SparkPost:TokenHeader", "X-MessageSystems-Webhook-Token"),
        new("Providers:Brevo:Token", BrevoToken),
        new("Providers:Mailgun:SigningKey", "fixture-mailgun-webhook-signing-key-0001"),
        new("Providers:SendGrid:PublicKey", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE8PImktADghjphzSmyfdsLBELI+6lXkaWQ4+2X4zURHn44XtxuV3Dg7sXT3XHzNoWY9XyfpjHXRTcLOY/y1rSBg=="),
        new("Providers:Resend:Secret", "whsec_Zml4dHVyZS1yZXNlbmQtc3ZpeC1zZWNyZXQtMDAwMQ=="),
        new("Providers:Postal:PublicKey", ProviderFixtures.ReadText("postal/_signing/test-public-key.pem")),
        new("Providers:Ses:TopicArns:0", TopicArn),
        new("Providers:Ses:Token", SesToken),
    ];

    public async Task InitializeAsync()
    {
        Sns.Certificates[CertificateUrl] = ProviderFixtures.ReadText("amazon-ses/_signing/test-signing-cert.pem");
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:RabbitMq", "amqp://app:app@127.0.0.1:5672/");
            foreach (var (key, value) in Settings()) web.UseSetting(key, value);
            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<ISnsClient>(Sns);
                services.AddMassTransitTestHarness(x =>
                {
                    x.DisableUsageTelemetry();
                    x.AddConsumeObserver(_ => Recorder);
                    x.AddPublishObserver(_ => Recorder);
                });
            });
        });
        await Factory.Services.GetTestHarness().Start();
    }

    /// <summary>Posts <paramref name="sample"/> at its signing time (plus a minute) and returns the answer and what it published.</summary>
    public async Task<(HttpResponseMessage Response, List<BounceClassified> Published)> PostAsync(
        HttpClient client, string provider, ProviderFixtures.Sample sample, DateTimeOffset? now = null)
    {
        Clock.Now = now ?? sample.SignedAt()?.AddMinutes(1) ?? DateTimeOffset.UtcNow;
        var before = Recorder.Published<BounceClassified>().Count();
        using var request = sample.Request(provider);
        var response = await client.SendAsync(request);
        return (response, Recorder.Published<BounceClassified>().Skip(before).ToList());
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
