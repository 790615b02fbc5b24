using System.Text.Json.Serialization;
using BounceService.Contracts;

namespace BounceService.WebhookDispatch.Crm;

/// <summary>The public body of <c>delivery.retry_due</c>: the sending platform should resend now.</summary>
public sealed record RetryDuePayload(
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("subscriber_email")] string SubscriberEmail,
    [property: JsonPropertyName("list_uid")] string ListUid,
    [property: JsonPropertyName("campaign_uid")] string? CampaignUid,
    [property: JsonPropertyName("sending_server")] string? SendingServer,
    [property: JsonPropertyName("attempt")] int Attempt,
    [property: JsonPropertyName("due_at")] DateTimeOffset DueAt,
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("retry_id")] Guid RetryId)
{
    public static RetryDuePayload For(DeliveryRetryDue r) => new(WebhookEvents.DeliveryRetryDue, r.Email, r.ListUid, r.CampaignUid,
        r.SendingServer, r.Attempt, r.DueAt, r.EventId, r.RetryId);
}

/// <summary>The public body of <c>alert.raised</c>: one of the AcelleMail guide's symptoms, with its evidence and fix.</summary>
public sealed record AlertPayload(
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("rate")] double Rate,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("fix")] string Fix,
    [property: JsonPropertyName("raised_at")] DateTimeOffset RaisedAt)
{
    public static AlertPayload For(AlertRaised a) => new(WebhookEvents.AlertRaised, a.Key, a.Rule, a.Scope, a.Subject, a.Count, a.Total,
        a.Rate, a.Threshold, a.Fix, a.RaisedAt);
}
