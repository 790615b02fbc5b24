using System.Text.Json;
using BounceService.Classification;

namespace BounceService.Ingest.Providers.Resend;

/// <summary>
/// Resend's email webhooks: <c>{"type": "email.bounced", "created_at", "data": {...}}</c>, one per request. A
/// bounce does not say which of several <c>data.to</c> bounced, so each gets an outcome. The bounce taxonomy is
/// SES's (<c>Permanent</c>, <c>Transient</c>, <c>Undetermined</c>).
/// </summary>
public sealed class ResendParser : IWebhookParser
{
    public const string Name = "resend";

    public static readonly WebhookProvider Provider = new(Name, "Resend", new SvixAuthenticator(), new ResendParser());

    public ValueTask<ParseResult> ParseAsync(ProviderRequest request, CancellationToken cancellationToken) =>
        ProviderJson.ReadEachObject(request.Body, Name, Read);

    private static void Read(JsonElement e, string at, EventCollector events)
    {
        var type = e.Text("type");
        var data = e.Get("data") ?? default;
        var bounce = data.Get("bounce") ?? default;
        var (eventType, label) = type switch
        {
            "email.bounced" => (EventTypes.Bounce, bounce.Text("type") ?? "bounced"),
            "email.delivery_delayed" => (EventTypes.Bounce, "delayed"),
            "email.complained" => (EventTypes.Complaint, null),
            "email.delivered" => (EventTypes.Delivered, null),
            _ => ((string?)null, (string?)null),
        };
        if (eventType is null)
        {
            events.Ignore(type);
            return;
        }
        var codes = bounce.Texts("diagnosticCode");
        var outcome = new Outcome(
            MessageId: data.Text("email_id"),
            // bounce.message is Resend's canned explanation of the subType, not the remote server's reply: left out, so
            // that its wording ("negative impact on your reputation") cannot outvote the bounce type.
            Diagnostic: codes.Count > 0 ? string.Join(" ", codes) : null,
            ProviderLabel: label,
            OccurredAt: e.Time("created_at") ?? data.Time("created_at"));
        var recipients = data.Texts("to");
        if (recipients.Count == 0)
        {
            events.Add(ProviderJson.Pointer(ProviderJson.Pointer(at, "data"), "to"), null, eventType, outcome);
            return;
        }
        for (var i = 0; i < recipients.Count; i++)
            events.Add($"{at}/data/to/{i}", recipients[i], eventType, outcome);
    }
}
