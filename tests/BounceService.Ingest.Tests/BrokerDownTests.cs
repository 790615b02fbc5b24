using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BounceService.Ingest.Tests;

/// <summary>
/// Ingest on its real RabbitMQ transport, pointed at a closed loopback port: no broker ever answers, so no
/// publish can be confirmed. The host must still start (MassTransit keeps reconnecting in the background).
/// </summary>
public sealed class BrokerDownTests : IAsyncLifetime
{
    private static readonly TimeSpan HostStartLimit = TimeSpan.FromSeconds(30);

    private readonly WebApplicationFactory<Program> _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
    {
        web.UseSetting("ConnectionStrings:RabbitMq", "amqp://app:app@127.0.0.1:1/");
        web.UseSetting("Ingest:PublishTimeout", "00:00:01");
    });

    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        // Starting the host must neither throw nor wait for the broker; the limit turns a hang into a failure.
        _client = await Task.Run(_factory.CreateClient).WaitAsync(HostStartLimit);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync().AsTask().WaitAsync(HostStartLimit);

    [Fact]
    public async Task Valid_event_is_503_problem_details_with_retry_after()
    {
        var clock = Stopwatch.StartNew();

        var response = await _client.PostJsonAsync($$"""{"type":"bounce","recipient":"{{IngestRequests.NewRecipient()}}","smtp_code":550}""");

        clock.Stop();
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("Retry", problem.GetProperty("detail").GetString());
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        // The publish timeout (1 s) decides, not a transport default.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Batch_is_503_and_acknowledges_no_event()
    {
        var json = "[" + string.Join(',', Enumerable.Range(0, 3).Select(_ => $$"""{"type":"complaint","recipient":"{{IngestRequests.NewRecipient()}}"}""")) + "]";

        var response = await _client.PostJsonAsync(json);

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.False(problem.TryGetProperty("accepted", out _));
        Assert.False(problem.TryGetProperty("events", out _));
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Service_is_alive_but_not_ready()
    {
        var health = await _client.GetAsync("/health");
        var alive = await _client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_still_400_without_a_broker()
    {
        var response = await _client.PostJsonAsync("""{"type":"bounce"}""");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
