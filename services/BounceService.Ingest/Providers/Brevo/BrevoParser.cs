using System.Text.Json;
using BounceService.Classification;

namespace BounceService.Ingest.Providers.Brevo;

/// <summary>
/// Brevo transactional webhooks: one object per event, or an array when the webhook is batched. No signature:
/// basic auth, a bearer token or a custom header. <c>date</c> is CET/CEST local time: the UTC <c>ts_event</c>
/// (seconds) or <c>ts_epoch</c> (milliseconds) are read instead.
/// </summary>
public sealed class BrevoParser : IWebhookParser
{
    public const string Name = "brevo";

    public static readonly WebhookProvider Provider = new(Name, "Brevo", SharedSecretAuthenticator.Instance, new BrevoParser());

    public ValueTask<ParseResult> ParseAsync(ProviderRequest request, CancellationToken cancellationToken) =>
        ProviderJson.ReadEachObject(request.Body, Name, Read);

    private static void Read(JsonElement e, string at, EventCollector events)
    {
        var type = e.Text("event");
        var outcome = new Outcome(
            MessageId: e.Text("message-id"),
            Diagnostic: e.Text("reason"),
            OccurredAt: e.EpochSeconds("ts_event") ?? e.EpochMilliseconds("ts_epoch") ?? e.EpochSeconds("ts"));
        var (eventType, label) = type switch
        {
            "hard_bounce" or "invalid_email" => (EventTypes.Bounce, "hard"),
            "soft_bounce" or "deferred" => (EventTypes.Bounce, "soft"),
            // Brevo refused to send (blocked contact): the reason text decides, else undetermined.
            "blocked" => (EventTypes.Bounce, null),
            "spam" or "complaint" => (EventTypes.Complaint, null),
            "delivered" => (EventTypes.Delivered, null),
            _ => ((string?)null, (string?)null),
        };
        if (eventType is null)
            events.Ignore(type);
        else
            events.Add(ProviderJson.Pointer(at, "email"), e.Text("email"), eventType, outcome with { ProviderLabel = label });
    }
}
