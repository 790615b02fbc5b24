using System.Text.Json;
using BounceService.Classification;

namespace BounceService.Ingest.Providers.Postal;

/// <summary>
/// Postal webhooks: <c>{"event", "timestamp", "payload", "uuid"}</c>, one per request. <c>MessageBounced</c>
/// carries only the metadata of the bounce message (no status, no code), so it stays undetermined.
/// </summary>
public sealed class PostalParser : IWebhookParser
{
    public const string Name = "postal";

    public static readonly WebhookProvider Provider = new(Name, "Postal", new PostalAuthenticator(), new PostalParser());

    public ValueTask<ParseResult> ParseAsync(ProviderRequest request, CancellationToken cancellationToken) =>
        ProviderJson.ReadEachObject(request.Body, Name, Read);

    private static void Read(JsonElement e, string at, EventCollector events)
    {
        var type = e.Text("event");
        var payload = e.Get("payload") ?? default;
        var payloadAt = ProviderJson.Pointer(at, "payload");
        var outcome = new Outcome(
            EventId: e.Text("uuid") is { } uuid ? $"{Name}-{uuid}" : null,
            OccurredAt: payload.EpochSeconds("timestamp") ?? e.EpochSeconds("timestamp"),
            Diagnostic: payload.Text("output") ?? payload.Text("details"));
        var message = payload.Get("message") ?? default;
        var messageAt = ProviderJson.Pointer(payloadAt, "message");
        outcome = outcome with { MessageId = message.Text("message_id") ?? message.Text("id") };
        switch (type)
        {
            case "MessageDeliveryFailed":
            case "MessageDelayed":
                var label = payload.Text("status") switch
                {
                    "HardFail" => "hard",
                    "SoftFail" => "soft",
                    _ => type == "MessageDelayed" ? "soft" : null,
                };
                events.Add(ProviderJson.Pointer(messageAt, "to"), message.Text("to"), EventTypes.Bounce, outcome with { ProviderLabel = label });
                break;
            case "MessageBounced":
                var original = payload.Get("original_message") ?? default;
                events.Add(ProviderJson.Pointer(ProviderJson.Pointer(payloadAt, "original_message"), "to"), original.Text("to"), EventTypes.Bounce,
                    outcome with { MessageId = original.Text("message_id") ?? original.Text("id"), Diagnostic = null });
                break;
            case "MessageSent":
                events.Add(ProviderJson.Pointer(messageAt, "to"), message.Text("to"), EventTypes.Delivered, outcome);
                break;
            default:
                events.Ignore(type);
                break;
        }
    }
}
