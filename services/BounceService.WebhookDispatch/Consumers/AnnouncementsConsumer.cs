using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BounceService.Contracts;
using BounceService.WebhookDispatch.Crm;
using BounceService.WebhookDispatch.Delivery;
using MassTransit;

namespace BounceService.WebhookDispatch.Consumers;

/// <summary>Queues SubscriberState's announcements for the endpoints that asked for them: due retries and alerts.</summary>
public sealed class AnnouncementsConsumer(DeliveryQueue queue) : IConsumer<DeliveryRetryDue>, IConsumer<AlertRaised>
{
    public Task Consume(ConsumeContext<DeliveryRetryDue> context) =>
        queue.EnqueueAsync(DeliveryQueue.MessageIdOf(context.Message.RetryId), WebhookEvents.DeliveryRetryDue, context.Message.ListUid,
            JsonSerializer.Serialize(RetryDuePayload.For(context.Message)), context.CancellationToken);

    // An alert is not tied to a list: only endpoints without a list filter receive it. The id is stable for one raise.
    public Task Consume(ConsumeContext<AlertRaised> context) =>
        queue.EnqueueAsync(AlertMessageId(context.Message), WebhookEvents.AlertRaised, "",
            JsonSerializer.Serialize(AlertPayload.For(context.Message)), context.CancellationToken);

    private static string AlertMessageId(AlertRaised a) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{a.Key}|{a.RaisedAt.UtcTicks}")))[..32];
}

public sealed class AnnouncementsConsumerDefinition : ConsumerDefinition<AnnouncementsConsumer>
{
    public AnnouncementsConsumerDefinition()
    {
        EndpointName = "webhook-dispatch-announcements";
        ConcurrentMessageLimit = 16;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AnnouncementsConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 2000));
}
