using MassTransit;

namespace BounceService.SubscriberState.Consumers;

public sealed class BounceClassifiedConsumerDefinition : ConsumerDefinition<BounceClassifiedConsumer>
{
    public const string Queue = "subscriber-state";

    public BounceClassifiedConsumerDefinition()
    {
        EndpointName = Queue;
        // Two cores: a few concurrent transactions keep the database busy without piling up row-lock waits.
        ConcurrentMessageLimit = 8;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint,
        IConsumerConfigurator<BounceClassifiedConsumer> consumer, IRegistrationContext context)
    {
        // Seconds-scale retries for lock timeouts and dropped connections; after that the error queue.
        endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300)));
    }
}
