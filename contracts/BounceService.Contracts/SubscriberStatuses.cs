namespace BounceService.Contracts;

/// <summary>Values of a subscriber's status on one list.</summary>
public static class SubscriberStatuses
{
    public const string Subscribed = "subscribed";
    public const string Bounced = "bounced";
    public const string Unsubscribed = "unsubscribed";
}
