using System.Text.Json;
using BounceService.Classification;

namespace BounceService.Ingest.Providers.Mailjet;

/// <summary>
/// Mailjet's Event API: one object, or an array of mixed events with "group events" on. No signature: basic
/// auth in the callback URL. <c>MessageID</c> exceeds 2^53 and is kept as text; <c>Message_GUID</c> is not
/// always a valid GUID and is not parsed.
/// </summary>
public sealed class MailjetParser : IWebhookParser
{
    public const string Name = "mailjet";

    public static readonly WebhookProvider Provider = new(Name, "Mailjet", SharedSecretAuthenticator.Instance, new MailjetParser());

    public ValueTask<ParseResult> ParseAsync(ProviderRequest request, CancellationToken cancellationToken) =>
        ProviderJson.ReadEachObject(request.Body, Name, Read);

    private static void Read(JsonElement e, string at, EventCollector events)
    {
        var type = e.Text("event");
        var recipient = e.Text("email");
        var pointer = ProviderJson.Pointer(at, "email");
        var outcome = new Outcome(MessageId: e.Text("MessageID") ?? e.Text("Message_GUID"), OccurredAt: e.EpochSeconds("time"));
        switch (type)
        {
            case "bounce":
            case "blocked":
                var relatedTo = e.Text("error_related_to");
                var errorText = e.Text("error");
                if (string.Equals(errorText, "duplicate in campaign", StringComparison.OrdinalIgnoreCase))
                {
                    events.Ignore($"{type}/{errorText}");
                    return;
                }
                var summary = relatedTo is null && errorText is null ? null : $"{relatedTo}: {errorText}";
                var label = e.Boolean("hard_bounce") switch
                {
                    true => "hard",
                    false when type == "bounce" => "soft",
                    _ => null,
                };
                events.Add(pointer, recipient, EventTypes.Bounce, outcome with
                {
                    Diagnostic = e.Text("comment") is { } comment ? (summary is null ? comment : $"{comment} ({summary})") : summary,
                    ProviderLabel = label,
                });
                break;
            case "spam":
                events.Add(pointer, recipient, EventTypes.Complaint, outcome with { ProviderLabel = e.Text("source") });
                break;
            case "sent":
                events.Add(pointer, recipient, EventTypes.Delivered, outcome with { Diagnostic = e.Text("smtp_reply") });
                break;
            default:
                events.Ignore(type);
                break;
        }
    }
}
