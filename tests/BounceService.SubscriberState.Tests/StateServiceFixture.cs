using BounceService.SubscriberState.Data;
using BounceService.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BounceService.SubscriberState.Tests;

/// <summary>
/// SubscriberState on the real PostgreSQL (migrated as in production), with MassTransit's in-memory harness
/// in place of RabbitMQ. One per assembly; tests use their own addresses and lists.
/// </summary>
public sealed class StateServiceFixture : IAsyncLifetime
{
    private readonly TestInfrastructure _infrastructure = new();

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>The service's clock; a test that moves it sets <see cref="MovableClock.Ahead"/> back to zero when done.</summary>
    public MovableClock Clock { get; } = new();

    /// <summary>What the service's (in-memory) bus consumed and published.</summary>
    public BusRecorder Recorder { get; } = new();

    public async Task InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Postgres", _infrastructure.Postgres);
            web.UseSetting("ConnectionStrings:RabbitMq", _infrastructure.RabbitMq);
            web.UseSetting("Retries:PollInterval", "00:00:00.200");
            // Small samples, so that alert tests stay short; the rules and shares are the defaults.
            web.UseSetting("Alerts:MinSends", "10");
            web.UseSetting("Alerts:DomainBlockMinimum", "3");
            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddMassTransitTestHarness(x =>
                {
                    x.DisableUsageTelemetry();
                    x.AddConsumeObserver(_ => Recorder);
                    x.AddPublishObserver(_ => Recorder);
                });
            });
        });
        await Factory.Services.MigrateAsync();
        await Factory.Services.GetTestHarness().Start();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StateServiceCollection : ICollectionFixture<StateServiceFixture>
{
    public const string Name = "subscriber-state service";
}
