using MassTransit;

namespace BounceService.WebhookDispatch.Consumers;

public sealed class SubscriberStatusChangedConsumerDefinition : ConsumerDefinition<SubscriberStatusChangedConsumer>
{
    public const string Queue = "webhook-dispatch";

    public SubscriberStatusChangedConsumerDefinition()
    {
        EndpointName = Queue;
        // Deliveries wait on remote CRMs, not on this machine: many may be in flight at once.
        ConcurrentMessageLimit = 32;
    }

    // No message retry here: the HTTP resilience handler owns the seconds-scale retries, so they never multiply.
}
