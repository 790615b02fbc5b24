using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace BounceService.ServiceDefaults;

/// <summary>The RabbitMQ bus as every service uses it: durable quorum queues and publisher confirms.</summary>
public static class MessageBus
{
    public const string ConnectionStringName = "RabbitMq";

    /// <summary>
    /// Registers MassTransit on RabbitMQ from <c>ConnectionStrings:RabbitMq</c> (<c>amqp://user:pass@host:port/vhost</c>).
    /// <paramref name="configure"/> adds the service's consumers. With <paramref name="mandatoryPublish"/> a publish
    /// that no queue would receive fails instead of vanishing: Ingest's 2xx must mean stored. Services that
    /// announce events nobody may subscribe to yet (alerts, retries) leave it off, or every such publish would fail.
    /// </summary>
    public static IHostApplicationBuilder AddMessageBus(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configure = null,
        bool mandatoryPublish = false)
    {
        var connection = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set (e.g. ConnectionStrings__RabbitMq=amqp://app:app@127.0.0.1:5672/).");
        var address = new RabbitMqAddress(connection);

        // On the container, not the bus configuration, so that a test harness replacing the bus keeps it.
        builder.Services.AddReceiveObserver<BusMetrics>();
        builder.Services.AddMassTransit(x =>
        {
            // MassTransit would otherwise report usage to its vendor over the internet.
            x.DisableUsageTelemetry();
            configure?.Invoke(x);
            // Quorum queues: replicated and durable, and ~20x faster to confirm here than durable classic queues.
            x.AddConfigureEndpointsCallback((_, _, cfg) =>
            {
                if (cfg is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(address.Host, address.Port, address.VirtualHost, builder.Environment.ApplicationName, h =>
                {
                    h.Username(address.Username);
                    h.Password(address.Password);
                    h.PublisherConfirmation = true;
                });
                if (mandatoryPublish)
                {
                    cfg.ConfigurePublish(p => p.UseExecute(ctx =>
                    {
                        if (ctx.TryGetPayload<RabbitMqSendContext>(out var rabbit)) rabbit.Mandatory = true;
                    }));
                }
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
