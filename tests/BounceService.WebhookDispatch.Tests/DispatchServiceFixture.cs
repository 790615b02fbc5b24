using System.Net.Http.Json;
using BounceService.Testing;
using BounceService.WebhookDispatch.Data;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BounceService.WebhookDispatch.Tests;

/// <summary>
/// WebhookDispatch with the in-memory bus harness, on a real PostgreSQL database of its own (its worker sends every
/// due delivery in the tables, so it must not share them with another run), posting to loopback CRM stand-ins.
/// </summary>
public sealed class DispatchServiceFixture : IAsyncLifetime
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private readonly TestInfrastructure _infrastructure = new();
    private readonly List<string> _databases = [];

    public CrmStandIn Crm { get; private set; } = null!;
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public BusRecorder Recorder { get; } = new();
    public string Database { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        Crm = await CrmStandIn.StartAsync();
        Database = await NewDatabaseAsync();
        Factory = Start(Database, web =>
        {
            web.UseSetting("Webhooks:Endpoints:0:Url", Crm.Url);
            web.UseSetting("Webhooks:Endpoints:0:Secret", Secret);
        }, Recorder);
        Client = Factory.CreateClient();
        await Factory.Services.GetTestHarness().Start();
        await ConfiguredEndpointStoredAsync(Client);
    }

    /// <summary>Waits for the worker's first round, which stores the configuration endpoints.</summary>
    public static Task ConfiguredEndpointStoredAsync(HttpClient client) =>
        Eventually.GetAsync(
            async () => await client.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/v1/webhook-endpoints"),
            endpoints => endpoints!.Any(e => e.GetProperty("source").GetString() == "config"),
            TimeSpan.FromSeconds(15), "the configuration endpoint to be stored");

    /// <summary>A fresh database with the real migrations applied; dropped at the end.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = $"webhook_tests_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(_infrastructure.Postgres))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        _databases.Add(name);
        var connectionString = new NpgsqlConnectionStringBuilder(_infrastructure.Postgres) { Database = name, Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<WebhookDbContext>();
        options.UseWebhookDatabase(connectionString);
        await using var db = new WebhookDbContext(options.Options);
        await db.Database.MigrateAsync();
        return connectionString;
    }

    /// <summary>The service on <paramref name="database"/>: loopback allowed, a schedule of 0 s, 200 ms, 400 ms, 1 s timeout.</summary>
    public static WebApplicationFactory<Program> Start(string database, Action<IWebHostBuilder>? more = null, BusRecorder? recorder = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Postgres", database);
            web.UseSetting("Webhooks:AllowedHosts:0", "127.0.0.1");
            web.UseSetting("Webhooks:RetrySchedule:0", "00:00:00");
            web.UseSetting("Webhooks:RetrySchedule:1", "00:00:00.200");
            web.UseSetting("Webhooks:RetrySchedule:2", "00:00:00.400");
            web.UseSetting("Webhooks:PollInterval", "00:00:00.100");
            web.UseSetting("Webhooks:Timeout", "00:00:01");
            more?.Invoke(web);
            web.ConfigureTestServices(services => services.AddMassTransitTestHarness(x =>
            {
                x.DisableUsageTelemetry();
                if (recorder is null) return;
                x.AddConsumeObserver(_ => recorder);
                x.AddPublishObserver(_ => recorder);
            }));
        });

    public sealed record Registered(Guid Id, string Secret);

    /// <summary>Registers <paramref name="crm"/> through the API for the changes of one list only, so tests stay apart.</summary>
    public async Task<Registered> RegisterAsync(CrmStandIn crm, string listUid, params string[] eventTypes)
    {
        var response = await Client.PostAsJsonAsync("/v1/webhook-endpoints", new
        {
            url = crm.Url,
            event_types = eventTypes.Length > 0 ? eventTypes : ["subscriber.bounced"],
            list_uids = new[] { listUid },
        });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return new(body.GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Crm.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(_infrastructure.Postgres))
        {
            await connection.OpenAsync();
            foreach (var name in _databases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
        await _infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DispatchServiceCollection : ICollectionFixture<DispatchServiceFixture>
{
    public const string Name = "webhook-dispatch service";
}
