using BounceService.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace BounceService.Ingest.Tests;

/// <summary>
/// Ingest with MassTransit's in-memory harness in place of RabbitMQ (the connection string is never dialled).
/// One per test class; tests use their own recipients, so they read only their own messages.
/// </summary>
public sealed class IngestServiceFixture : IAsyncLifetime
{
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>What the service's (in-memory) bus published.</summary>
    public BusRecorder Recorder { get; } = new();

    public async Task InitializeAsync()
    {
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:RabbitMq", "amqp://app:app@127.0.0.1:5672/");
            web.ConfigureTestServices(services => services.AddMassTransitTestHarness(x =>
            {
                x.DisableUsageTelemetry();
                x.AddConsumeObserver(_ => Recorder);
                x.AddPublishObserver(_ => Recorder);
            }));
        });
        await Factory.Services.GetTestHarness().Start();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
