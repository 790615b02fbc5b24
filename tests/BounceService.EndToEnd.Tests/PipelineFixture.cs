using BounceService.SubscriberState.Data;
using BounceService.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BounceService.EndToEnd.Tests;

/// <summary>
/// The three services in this process, wired as in production: real RabbitMQ between them, real PostgreSQL
/// under SubscriberState, and a loopback HTTP listener as the CRM. (Each service's entry assembly is named by
/// a public type of its own, since all three call their entry point <c>Program</c>.)
/// </summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    private readonly TestInfrastructure _infrastructure = new();
    private string _rabbitMq = "";

    public CrmStandIn Crm { get; private set; } = null!;
    public WebApplicationFactory<StateDbContext> State { get; private set; } = null!;
    public WebApplicationFactory<WebhookDispatch.Crm.WebhooksOptions> Dispatch { get; private set; } = null!;
    public WebApplicationFactory<Ingest.IngestOptions> Ingest { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        _rabbitMq = await _infrastructure.IsolatedRabbitMqAsync($"bounceservice-e2e-{Guid.NewGuid():N}");
        Crm = await CrmStandIn.StartAsync();

        State = Configure(new WebApplicationFactory<StateDbContext>());
        await State.Services.MigrateAsync();
        Dispatch = Configure(new WebApplicationFactory<WebhookDispatch.Crm.WebhooksOptions>(), web =>
        {
            web.UseSetting("Webhooks:Endpoints:0:Url", Crm.Url);
            web.UseSetting("Webhooks:AllowedHosts:0", "127.0.0.0/8");
            web.UseSetting("Webhooks:PollInterval", "00:00:00.100");
        });
        await WebhookDispatch.Data.DatabaseSetup.MigrateAsync(Dispatch.Services);
        Ingest = Configure(new WebApplicationFactory<Ingest.IngestOptions>());

        // Consumers bind their queues when their bus is up; until then Ingest's mandatory publishes would be refused.
        await Task.WhenAll(ReadyAsync(State), ReadyAsync(Dispatch), ReadyAsync(Ingest));
    }

    private WebApplicationFactory<T> Configure<T>(WebApplicationFactory<T> factory, Action<IWebHostBuilder>? more = null) where T : class =>
        factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Postgres", _infrastructure.Postgres);
            web.UseSetting("ConnectionStrings:RabbitMq", _rabbitMq);
            more?.Invoke(web);
        });

    private static Task ReadyAsync<T>(WebApplicationFactory<T> factory) where T : class =>
        Health.WaitUntilHealthyAsync(factory.CreateClient(), typeof(T).Assembly.GetName().Name!);

    public async Task DisposeAsync()
    {
        await Ingest.DisposeAsync();
        await Dispatch.DisposeAsync();
        await State.DisposeAsync();
        await Crm.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }
}
