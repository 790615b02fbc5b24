namespace BounceService.WebhookDispatch.Crm;

/// <summary>The event types an endpoint can subscribe to.</summary>
public static class WebhookEvents
{
    public const string SubscriberBounced = "subscriber.bounced";
    public const string SubscriberUnsubscribed = "subscriber.unsubscribed";
    public const string SubscriberReactivated = "subscriber.reactivated";
    public const string DeliveryRetryDue = "delivery.retry_due";
    public const string AlertRaised = "alert.raised";

    public static readonly string[] All = [SubscriberBounced, SubscriberUnsubscribed, SubscriberReactivated, DeliveryRetryDue, AlertRaised];
}
