using System.Text.Json.Serialization;
using BounceService.Contracts;

namespace BounceService.WebhookDispatch.Crm;

/// <summary>
/// The public webhook body. The first six fields are exactly those of the AcelleMail guide, in that order;
/// the rest follow. Its own type, so that the bus message can change without breaking CRMs.
/// </summary>
/// <param name="Reason">The receiving server's text verbatim, or the category when there is none.</param>
public sealed record WebhookPayload(
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("subscriber_email")] string SubscriberEmail,
    [property: JsonPropertyName("list_uid")] string ListUid,
    [property: JsonPropertyName("dsn_code")] string? DsnCode,
    [property: JsonPropertyName("bounce_type")] string? BounceType,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("occurred_at")] DateTimeOffset OccurredAt,
    [property: JsonPropertyName("campaign_uid")] string? CampaignUid,
    [property: JsonPropertyName("provider")] string? Provider,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("old_status")] string OldStatus,
    [property: JsonPropertyName("new_status")] string NewStatus,
    [property: JsonPropertyName("cause")] string Cause)
{
    /// <summary>The webhook a status change announces, or null when CRMs are not told about it.</summary>
    public static WebhookPayload? For(SubscriberStatusChanged c)
    {
        var name = c.NewStatus switch
        {
            SubscriberStatuses.Bounced => "subscriber.bounced",
            SubscriberStatuses.Unsubscribed => "subscriber.unsubscribed",
            SubscriberStatuses.Subscribed when c.Cause is "manual" or "reactivated" => "subscriber.reactivated",
            _ => null,
        };
        return name is null ? null : new WebhookPayload(
            name, c.Email, c.ListUid, c.DsnCode, BounceTypeOf(c), c.Diagnostic ?? c.Reason, c.OccurredAt, c.CampaignUid,
            c.Provider, c.Reason, c.OldStatus, c.NewStatus, c.Cause);
    }

    // Retries that ran out turned the soft bounce into a hard one: that is what the CRM should record.
    private static string? BounceTypeOf(SubscriberStatusChanged c) => c.Cause == "soft_to_hard" ? BounceKinds.Hard : c.Kind;
}
