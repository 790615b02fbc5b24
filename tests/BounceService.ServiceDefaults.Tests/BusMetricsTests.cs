using System.Diagnostics;
using BounceService.Testing;
using MassTransit;
using RabbitMQ.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BounceService.ServiceDefaults.Tests;

/// <summary>The bus as <see cref="MessageBus.AddMessageBus"/> wires it, on the real RabbitMQ (a virtual host of its own).</summary>
public sealed class BusMetricsTests : IAsyncLifetime
{
    public sealed record Probe(Guid Id, bool Fail);

    /// <summary>Fails every time when asked to: its message ends in the <c>_error</c> queue after the retries.</summary>
    public sealed class ProbeConsumer : IConsumer<Probe>
    {
        public static int Attempts;

        public Task Consume(ConsumeContext<Probe> context)
        {
            if (!context.Message.Fail) return Task.CompletedTask;
            Interlocked.Increment(ref Attempts);
            throw new InvalidOperationException("probe asked to fail");
        }
    }

    public sealed class ProbeConsumerDefinition : ConsumerDefinition<ProbeConsumer>
    {
        public const string Queue = "probe";

        public ProbeConsumerDefinition() => EndpointName = Queue;

        protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<ProbeConsumer> consumer, IRegistrationContext context) =>
            endpoint.UseMessageRetry(r => r.Immediate(2));
    }

    private readonly TestInfrastructure _infrastructure = new();
    private string _broker = "";
    private IHost _host = null!;
    private readonly BusRecorder _recorder = new();

    public async Task InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        var builder = Host.CreateApplicationBuilder();
        _broker = await _infrastructure.IsolatedRabbitMqAsync($"bounceservice-defaults-{Guid.NewGuid():N}");
        builder.Configuration["ConnectionStrings:RabbitMq"] = _broker;
        builder.AddServiceDefaults();
        builder.AddMessageBus(x => x.AddConsumer<ProbeConsumer>(typeof(ProbeConsumerDefinition)));
        builder.Services.AddConsumeObserver(_ => _recorder);
        _host = builder.Build();
        await _host.StartAsync();
        await _host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    private Task PublishAsync(Probe probe) => _host.Services.GetRequiredService<IBus>().Publish(probe);

    [Fact]
    public async Task Consumption_records_its_lag_by_consumer_and_message_type()
    {
        using var lag = new MetricRecorder(BounceMetrics.ConsumeLagName);
        var probe = new Probe(Guid.NewGuid(), Fail: false);
        var timer = Stopwatch.StartNew();

        await PublishAsync(probe);
        await _recorder.WaitForConsumedAsync<Probe>(p => p.Id == probe.Id, 1);
        var elapsed = timer.Elapsed.TotalSeconds;

        var measured = Assert.Single(lag.Measurements);
        Assert.Equal(("ProbeConsumer", "Probe"), (measured.Tags["consumer"], measured.Tags["message_type"]));
        Assert.InRange(measured.Value, 0, elapsed);
    }

    [Fact]
    public async Task A_message_that_fails_all_its_retries_is_one_dead_letter()
    {
        using var deadLetters = new MetricRecorder(BounceMetrics.BusDeadLettersName);
        using var lag = new MetricRecorder(BounceMetrics.ConsumeLagName);
        var attempts = ProbeConsumer.Attempts;

        await PublishAsync(new Probe(Guid.NewGuid(), Fail: true));

        await Eventually.GetAsync(() => Task.FromResult(deadLetters.Sum()), n => n >= 1, what: "a dead letter");
        Assert.Equal(attempts + 3, ProbeConsumer.Attempts); // the first attempt and two retries, counted once
        await Task.Delay(500); // nothing more may come for it
        Assert.Equal(1, deadLetters.Sum(("consumer", "ProbeConsumer"), ("message_type", "Probe")));
        Assert.Equal(1, deadLetters.Sum());
        Assert.Empty(lag.Measurements); // lag is for successful consumption only
    }

    [Fact]
    public async Task A_message_no_consumer_can_read_is_a_dead_letter_of_its_queue()
    {
        using var deadLetters = new MetricRecorder(BounceMetrics.BusDeadLettersName);
        var attempts = ProbeConsumer.Attempts;
        var factory = new ConnectionFactory { Uri = new Uri(_broker) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString() };
            await channel.BasicPublishAsync("", ProbeConsumerDefinition.Queue, false, properties, "{ not json"u8.ToArray());
        }

        await Eventually.GetAsync(() => Task.FromResult(deadLetters.Sum()), n => n >= 1, what: "a dead letter");
        Assert.Equal(1, deadLetters.Sum(("consumer", ProbeConsumerDefinition.Queue), ("message_type", BusMetrics.UnreadableMessage)));
        Assert.Equal(attempts, ProbeConsumer.Attempts);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _infrastructure.DisposeAsync();
    }
}
