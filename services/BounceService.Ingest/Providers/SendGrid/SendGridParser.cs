using System.Text.Json;
using BounceService.Classification;

namespace BounceService.Ingest.Providers.SendGrid;

/// <summary>
/// SendGrid's Event Webhook: an array of mixed events. <c>category</c> and <c>attempt</c> change type between
/// events (read leniently, or not at all); custom args are extra top-level keys and are ignored.
/// </summary>
public sealed class SendGridParser : IWebhookParser
{
    public const string Name = "sendgrid";

    public static readonly WebhookProvider Provider = new(Name, "SendGrid", new SendGridAuthenticator(), new SendGridParser());

    public ValueTask<ParseResult> ParseAsync(ProviderRequest request, CancellationToken cancellationToken) =>
        ProviderJson.ReadEachObject(request.Body, Name, Read);

    private static void Read(JsonElement e, string at, EventCollector events)
    {
        var type = e.Text("event");
        var pointer = ProviderJson.Pointer(at, "email");
        var recipient = e.Text("email");
        var outcome = new Outcome(
            EventId: e.Text("sg_event_id") is { } id ? $"{Name}-{id}" : null,
            MessageId: e.Text("sg_message_id") ?? e.Text("smtp-id"),
            DsnCode: e.Text("status"),
            OccurredAt: e.EpochSeconds("timestamp"));
        switch (type)
        {
            case "bounce":
                // type "bounce" is a bounce proper (hard unless the codes say otherwise); "blocked": the codes decide.
                var bounceType = e.Text("type") ?? "bounce";
                events.Add(pointer, recipient, EventTypes.Bounce, outcome with
                {
                    Diagnostic = e.Text("reason") ?? e.Text("response"),
                    ProviderLabel = bounceType,
                });
                break;
            case "deferred":
                events.Add(pointer, recipient, EventTypes.Bounce, outcome with
                {
                    Diagnostic = e.Text("response") ?? e.Text("reason"),
                    ProviderLabel = "deferred",
                });
                break;
            case "dropped":
                var reason = e.Text("reason");
                // Only a drop for a bounced or invalid address says something about the recipient.
                if (reason is not null && (reason.Contains("Bounced", StringComparison.OrdinalIgnoreCase) || reason.Contains("Invalid", StringComparison.OrdinalIgnoreCase))
                    && !reason.Contains("SMTPAPI", StringComparison.OrdinalIgnoreCase))
                    events.Add(pointer, recipient, EventTypes.Bounce, outcome with { Diagnostic = reason, ProviderLabel = "hard" });
                else
                    events.Ignore($"dropped/{reason}");
                break;
            case "spamreport":
                events.Add(pointer, recipient, EventTypes.Complaint, outcome);
                break;
            case "delivered":
                events.Add(pointer, recipient, EventTypes.Delivered, outcome with { Diagnostic = e.Text("response") });
                break;
            default:
                events.Ignore(type);
                break;
        }
    }
}
