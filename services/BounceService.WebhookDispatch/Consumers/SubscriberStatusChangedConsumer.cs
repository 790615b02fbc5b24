using BounceService.Contracts;
using BounceService.WebhookDispatch.Crm;
using BounceService.WebhookDispatch.Delivery;
using MassTransit;

namespace BounceService.WebhookDispatch.Consumers;

/// <summary>
/// Queues a subscriber's flip (<c>subscriber.bounced</c>, <c>.unsubscribed</c>, <c>.reactivated</c>) for every endpoint
/// that wants it. No HTTP here: the <see cref="DeliveryWorker"/> sends, on the stored schedule.
/// </summary>
public sealed class SubscriberStatusChangedConsumer(DeliveryQueue queue) : IConsumer<SubscriberStatusChanged>
{
    public async Task Consume(ConsumeContext<SubscriberStatusChanged> context)
    {
        var payload = WebhookPayload.For(context.Message);
        if (payload is null) return;
        // A redelivered message has the same id: ON CONFLICT DO NOTHING adds nothing.
        await queue.EnqueueAsync(payload, DeliveryQueue.MessageIdOf(context.Message.ChangeId), context.CancellationToken);
    }
}
