using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BounceService.SubscriberState.Data;
using BounceService.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BounceService.EndToEnd.Tests;

/// <summary>
/// The three services at the most verbose log level, every provider of their loggers captured, while requests carry
/// every kind of secret: none of the secrets may appear in any message, structured value, exception or scope.
/// Runs on a database and a broker user of its own, so that the passwords are ones no other text contains.
/// </summary>
public sealed class SecretsInLogsTests : IAsyncLifetime
{
    private static string NewSecret(string kind) => $"{kind}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant()}";

    private readonly TestInfrastructure _infrastructure = new();
    private readonly LogCapture _logs = new();
    private readonly string _brokerPassword = NewSecret("rabbit-password");
    private readonly string _genericToken = NewSecret("generic-token");
    private readonly string _brevoToken = NewSecret("brevo-token");
    private readonly string _postmarkPassword = NewSecret("postmark-password");
    private readonly string _mailgunKey = NewSecret("mailgun-key");
    private readonly string _configSecret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _database = $"secrets_tests_{Guid.NewGuid():N}";
    private string _postgres = "";
    private string _rabbitMq = "";
    private CrmStandIn _crm = null!;
    private WebApplicationFactory<StateDbContext> _state = null!;
    private WebApplicationFactory<WebhookDispatch.Crm.WebhooksOptions> _dispatch = null!;
    private WebApplicationFactory<Ingest.IngestOptions> _ingest = null!;

    public async Task InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        await using (var connection = new NpgsqlConnection(_infrastructure.Postgres))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        _postgres = new NpgsqlConnectionStringBuilder(_infrastructure.Postgres) { Database = _database }.ConnectionString;
        var vhost = await _infrastructure.IsolatedRabbitMqAsync($"bounceservice-secrets-{Guid.NewGuid():N}");
        _rabbitMq = await _infrastructure.RabbitMqUserAsync(vhost, $"bounceservice-secrets-{Guid.NewGuid():N}", _brokerPassword);
        _crm = await CrmStandIn.StartAsync();

        _state = Start(new WebApplicationFactory<StateDbContext>());
        await _state.Services.MigrateAsync();
        _dispatch = Start(new WebApplicationFactory<WebhookDispatch.Crm.WebhooksOptions>(), web =>
        {
            web.UseSetting("Webhooks:Endpoints:0:Url", _crm.Url);
            web.UseSetting("Webhooks:Endpoints:0:Secret", _configSecret);
            web.UseSetting("Webhooks:AllowedHosts:0", "127.0.0.0/8");
            web.UseSetting("Webhooks:PollInterval", "00:00:00.100");
        });
        await WebhookDispatch.Data.DatabaseSetup.MigrateAsync(_dispatch.Services);
        _ingest = Start(new WebApplicationFactory<Ingest.IngestOptions>(), web =>
        {
            web.UseSetting("Providers:Generic:Token", _genericToken);
            web.UseSetting("Providers:Brevo:Token", _brevoToken);
            web.UseSetting("Providers:Postmark:Username", "postmark-user");
            web.UseSetting("Providers:Postmark:Password", _postmarkPassword);
            web.UseSetting("Providers:Mailgun:SigningKey", _mailgunKey);
        });
        await Task.WhenAll(
            Health.WaitUntilHealthyAsync(_state.CreateClient(), "SubscriberState"),
            Health.WaitUntilHealthyAsync(_dispatch.CreateClient(), "WebhookDispatch"),
            Health.WaitUntilHealthyAsync(_ingest.CreateClient(), "Ingest"));
    }

    /// <summary>A service on this test's database and broker user, logging everything to <see cref="_logs"/>.</summary>
    private WebApplicationFactory<T> Start<T>(WebApplicationFactory<T> factory, Action<IWebHostBuilder>? more = null) where T : class =>
        factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Postgres", _postgres);
            web.UseSetting("ConnectionStrings:RabbitMq", _rabbitMq);
            // Every category at Trace: appsettings.json quiets some of them, and a leak at any level is a leak.
            foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "MassTransit", "System.Net.Http.HttpClient", "Npgsql" })
                web.UseSetting($"Logging:LogLevel:{category}", "Trace");
            web.ConfigureLogging(logging => logging.AddProvider(_logs));
            more?.Invoke(web);
        });

    [Fact]
    public async Task No_secret_reaches_a_log_message_value_exception_or_scope()
    {
        var ingest = _ingest.CreateClient();
        var dispatch = _dispatch.CreateClient();
        var run = Guid.NewGuid().ToString("N")[..12];
        var (list, recipient) = ($"list-{run}", $"gone-{run}@example.com");
        var wrongToken = NewSecret("wrong-token");
        var postmarkBasic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"postmark-user:{_postmarkPassword}"));

        // Webhook endpoint secrets: created, then rotated.
        var created = await dispatch.PostAsJsonAsync("/v1/webhook-endpoints", new { url = _crm.Url, event_types = new[] { "subscriber.bounced" }, list_uids = new[] { list } });
        var endpoint = await created.Content.ReadFromJsonAsync<JsonElement>();
        var createdSecret = endpoint.GetProperty("secret").GetString()!;
        var rotated = await dispatch.PostAsync($"/v1/webhook-endpoints/{endpoint.GetProperty("id").GetGuid()}/rotate-secret", null);
        var rotatedSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;

        // Ingest requests with their tokens, basic-auth credentials and signatures, right and wrong.
        var bounce = new { type = "bounce", recipient, list_uid = list, dsn_code = "5.1.1", smtp_code = 550, reason = "550 5.1.1 no such user" };
        var accepted = await SendAsync(ingest, "/v1/ingest/generic", bounce, new("Bearer", _genericToken));
        var refused = await SendAsync(ingest, "/v1/ingest/generic", bounce, new("Bearer", wrongToken));
        var brevo = await SendAsync(ingest, "/v1/ingest/brevo", new { @event = "hard_bounce", email = recipient }, new("Bearer", _brevoToken));
        var brevoRefused = await SendAsync(ingest, "/v1/ingest/brevo", new { @event = "hard_bounce", email = recipient }, new("Bearer", wrongToken));
        var postmark = await SendAsync(ingest, "/v1/ingest/postmark", new { RecordType = "Bounce", Email = recipient }, new("Basic", postmarkBasic));
        var (mailgun, signature) = await MailgunAsync(ingest, recipient, tamper: false);
        var (mailgunRefused, tampered) = await MailgunAsync(ingest, recipient, tamper: true);

        // A replica given wrong passwords: its connection failures must not quote them either.
        var (wrongDatabasePassword, wrongBrokerPassword) = (NewSecret("wrong-db-password"), NewSecret("wrong-broker-password"));
        await using var misconfigured = Start(new WebApplicationFactory<StateDbContext>(), web =>
        {
            web.UseSetting("ConnectionStrings:Postgres", new NpgsqlConnectionStringBuilder(_postgres) { Password = wrongDatabasePassword }.ConnectionString);
            web.UseSetting("ConnectionStrings:RabbitMq", new UriBuilder(_rabbitMq) { Password = wrongBrokerPassword }.Uri.ToString());
        });
        var misconfiguredClient = misconfigured.CreateClient();
        var unhealthy = await misconfiguredClient.GetAsync("/health");
        var failed = await misconfiguredClient.GetAsync("/v1/bounces"); // the database refuses: logged as an unhandled exception
        await Eventually.GetAsync(() => Task.FromResult(_logs.Entries.Count(e => e.Level >= LogLevel.Warning && e.Category.StartsWith("MassTransit", StringComparison.Ordinal))),
            n => n > 0, what: "the broker refusing the wrong password");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError), (unhealthy.StatusCode, failed.StatusCode));
        Assert.Contains(_logs.Entries, e => e.Text.Contains("28P01", StringComparison.Ordinal)); // PostgreSQL's invalid_password
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (created.StatusCode, rotated.StatusCode));
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Unauthorized), (accepted.StatusCode, refused.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, brevoRefused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, mailgunRefused.StatusCode);
        Assert.All(new[] { brevo, postmark, mailgun }, r => Assert.NotEqual(HttpStatusCode.Unauthorized, r.StatusCode));

        // The bounce travels to the CRM: webhooks signed with the configured and the rotated secret.
        var webhooks = await Eventually.GetAsync(
            () => Task.FromResult(_crm.Requests.Where(r => r.Body.Contains(recipient, StringComparison.Ordinal)).ToList()),
            r => r.Count >= 2, what: "both endpoints' webhooks");

        string[] secrets =
        [
            _brokerPassword, _rabbitMq, _postgres, wrongDatabasePassword, wrongBrokerPassword, _genericToken, wrongToken, _brevoToken, _postmarkPassword, postmarkBasic, _mailgunKey, signature, tampered,
            _configSecret, _configSecret["whsec_".Length..], createdSecret, createdSecret["whsec_".Length..], rotatedSecret, rotatedSecret["whsec_".Length..],
            .. webhooks.SelectMany(w => w.Headers["webhook-signature"].Split(' ')).Select(s => s[(s.IndexOf(',', StringComparison.Ordinal) + 1)..]),
        ];
        var entries = _logs.Entries;
        // The capture works, and saw the failed authentication and the broker connection.
        Assert.Contains(entries, e => e.Text.Contains("Refused a brevo callback", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Category.StartsWith("MassTransit", StringComparison.Ordinal));
        foreach (var entry in entries)
        {
            foreach (var secret in secrets)
                Assert.False(entry.Text.Contains(secret, StringComparison.Ordinal), $"{entry.Category} logged a secret: {entry.Text}");
            // This database's password ("app") is too short to look for; its key-value form is not.
            Assert.DoesNotContain("password=", entry.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, object body, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = authorization;
        return await client.SendAsync(request);
    }

    /// <summary>A Mailgun callback signed with the configured key (or a signature off by one digit); returns the signature.</summary>
    private async Task<(HttpResponseMessage Response, string Signature)> MailgunAsync(HttpClient client, string recipient, bool tamper)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(25)).ToLowerInvariant();
        var signature = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_mailgunKey), Encoding.UTF8.GetBytes(timestamp + token))).ToLowerInvariant();
        if (tamper) signature = (signature[0] == '0' ? "1" : "0") + signature[1..];
        var response = await client.PostAsJsonAsync("/v1/ingest/mailgun", new Dictionary<string, object>
        {
            ["signature"] = new { timestamp, token, signature },
            ["event-data"] = new Dictionary<string, object> { ["event"] = "failed", ["severity"] = "permanent", ["recipient"] = recipient },
        });
        return (response, signature);
    }

    public async Task DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _dispatch.DisposeAsync();
        await _state.DisposeAsync();
        await _crm.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(_infrastructure.Postgres))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        await _infrastructure.DisposeAsync();
    }
}
