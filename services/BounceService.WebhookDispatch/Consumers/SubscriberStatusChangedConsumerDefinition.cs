using MassTransit;

namespace BounceService.WebhookDispatch.Consumers;

public sealed class SubscriberStatusChangedConsumerDefinition : ConsumerDefinition<SubscriberStatusChangedConsumer>
{
    public const string Queue = "webhook-dispatch";

    public SubscriberStatusChangedConsumerDefinition()
    {
        EndpointName = Queue;
        ConcurrentMessageLimit = 16;
    }

    // A short retry covers a database blip; sending (and its retries over hours) is the DeliveryWorker's.
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SubscriberStatusChangedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 2000));
}
