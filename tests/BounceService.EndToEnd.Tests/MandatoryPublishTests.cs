using System.Net;
using System.Net.Http.Json;
using BounceService.Contracts;
using BounceService.SubscriberState.Data;
using BounceService.Testing;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BounceService.EndToEnd.Tests;

/// <summary>
/// On a broker where no consumer has bound a queue yet: Ingest must refuse (a 2xx would promise an event that
/// RabbitMQ drops), while SubscriberState's announcements (alerts, retries) must still go out.
/// </summary>
public sealed class MandatoryPublishTests : IAsyncLifetime
{
    private readonly TestInfrastructure _infrastructure = new();
    private WebApplicationFactory<Ingest.IngestOptions> _ingest = null!;
    private WebApplicationFactory<StateDbContext> _state = null!;

    public async Task InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        var ingestBroker = await _infrastructure.IsolatedRabbitMqAsync($"bounceservice-mandatory-{Guid.NewGuid():N}");
        var stateBroker = await _infrastructure.IsolatedRabbitMqAsync($"bounceservice-announce-{Guid.NewGuid():N}");
        _ingest = new WebApplicationFactory<Ingest.IngestOptions>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:RabbitMq", ingestBroker);
            web.UseSetting("Ingest:PublishTimeout", "00:00:05");
        });
        _state = new WebApplicationFactory<StateDbContext>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Postgres", _infrastructure.Postgres);
            web.UseSetting("ConnectionStrings:RabbitMq", stateBroker);
        });
        await _state.Services.MigrateAsync();
        await Task.WhenAll(Health.WaitUntilHealthyAsync(_ingest.CreateClient(), "Ingest"), Health.WaitUntilHealthyAsync(_state.CreateClient(), "SubscriberState"));
    }

    public async Task DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _state.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task Ingest_answers_503_while_no_queue_would_store_the_event()
    {
        var response = await _ingest.CreateClient().PostAsJsonAsync("/v1/ingest/generic",
            new { type = "bounce", recipient = $"m-{Guid.NewGuid():N}@example.com", dsn_code = "5.1.1" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Subscriber_state_announces_an_alert_that_nobody_subscribed_to_yet()
    {
        var alert = new AlertRaised($"test:{Guid.NewGuid():N}", "test", "campaign", "c", 1, 10, 0.1, 0.05, "fix", DateTimeOffset.UtcNow);

        var publish = _state.Services.GetRequiredService<IBus>().Publish(alert);

        await publish.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(publish.IsCompletedSuccessfully);
    }
}
