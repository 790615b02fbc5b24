using BounceService.Contracts;
using BounceService.WebhookDispatch.Crm;
using MassTransit;

namespace BounceService.WebhookDispatch.Consumers;

/// <summary>Tells every configured CRM about a subscriber's flip (<c>subscriber.bounced</c>, <c>subscriber.unsubscribed</c>).</summary>
public sealed class SubscriberStatusChangedConsumer(WebhookSender sender) : IConsumer<SubscriberStatusChanged>
{
    public async Task Consume(ConsumeContext<SubscriberStatusChanged> context)
    {
        var payload = WebhookPayload.For(context.Message);
        if (payload is null) return;

        var failed = await sender.SendAsync(payload, $"msg_{context.Message.ChangeId:N}", context.CancellationToken);
        // HTTP retries are spent: the message goes to the error queue, from where it can be moved back.
        if (failed.Count > 0)
            throw new WebhookDeliveryException($"{failed.Count} CRM endpoint(s) did not accept {payload.Event} for change {context.Message.ChangeId}.");
    }
}

public sealed class WebhookDeliveryException(string message) : Exception(message);
