using BounceService.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace BounceService.WebhookDispatch.Tests;

/// <summary>WebhookDispatch with the in-memory bus harness, posting to a real loopback HTTP listener.</summary>
public sealed class DispatchServiceFixture : IAsyncLifetime
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public CrmStandIn Crm { get; private set; } = null!;
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public BusRecorder Recorder { get; } = new();

    public async Task InitializeAsync()
    {
        Crm = await CrmStandIn.StartAsync();
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Webhooks:Endpoints:0:Url", Crm.Url);
            web.UseSetting("Webhooks:Endpoints:0:Secret", Secret);
            web.UseSetting("Webhooks:AllowedHosts:0", "127.0.0.1");
            web.UseSetting("Webhooks:Retries", "2");
            web.UseSetting("Webhooks:RetryDelay", "00:00:00.050");
            web.UseSetting("Webhooks:Timeout", "00:00:02");
            web.ConfigureTestServices(services => services.AddMassTransitTestHarness(x =>
            {
                x.DisableUsageTelemetry();
                x.AddConsumeObserver(_ => Recorder);
                x.AddPublishObserver(_ => Recorder);
            }));
        });
        await Factory.Services.GetTestHarness().Start();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Crm.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DispatchServiceCollection : ICollectionFixture<DispatchServiceFixture>
{
    public const string Name = "webhook-dispatch service";
}
