using System.Text.Json;
using BounceService.Classification;

namespace BounceService.Ingest.Providers.Postmark;

/// <summary>
/// Postmark's Bounce, SpamComplaint and Delivery webhooks: one record per request (an array is read too).
/// No signature: basic auth in the webhook URL or a custom header.
/// </summary>
public sealed class PostmarkParser : IWebhookParser
{
    public const string Name = "postmark";

    public static readonly WebhookProvider Provider = new(Name, "Postmark", SharedSecretAuthenticator.Instance, new PostmarkParser());

    // Bounce TypeCodes that are no bounce at all (or an existing suppression, not a new bounce).
    private static readonly HashSet<long> NotBounces = [16, 32, 64, 128, 1024, 16384, 100002, 100003, 100007, 100008, 100010];
    private static readonly HashSet<string> NotBounceTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Unsubscribe", "Subscribe", "AutoResponder", "AddressChange", "OpenRelayTest", "ChallengeVerification",
        "ManuallyDeactivated", "Unconfirmed", "SMTPApiError", "InboundError", "TemplateRenderingFailed",
    };

    public ValueTask<ParseResult> ParseAsync(ProviderRequest request, CancellationToken cancellationToken) =>
        ProviderJson.ReadEachObject(request.Body, Name, Read);

    private static void Read(JsonElement record, string at, EventCollector events)
    {
        var recordType = record.Text("RecordType");
        var messageId = record.Text("MessageID");
        switch (recordType)
        {
            case "Bounce":
            case "SpamComplaint":
                var type = record.Text("Type");
                var code = record.Integer("TypeCode");
                if (code is { } c ? NotBounces.Contains(c) : type is not null && NotBounceTypes.Contains(type))
                {
                    events.Ignore($"{recordType}/{type ?? code?.ToString()}");
                    return;
                }
                var complaint = recordType == "SpamComplaint" || code == 100001 || type == "SpamComplaint";
                // ID is an Int64: kept as its literal text, never through a double.
                var id = record.Text("ID");
                events.Add(ProviderJson.Pointer(at, "Email"), record.Text("Email"), complaint ? EventTypes.Complaint : EventTypes.Bounce, new Outcome(
                    EventId: id is null ? null : $"{Name}-{id}",
                    MessageId: messageId,
                    Diagnostic: record.Text("Details") ?? record.Text("Description"),
                    ProviderLabel: Label(type),
                    OccurredAt: record.Time("BouncedAt")));
                break;
            case "Delivery":
                events.Add(ProviderJson.Pointer(at, "Recipient"), record.Text("Recipient"), EventTypes.Delivered, new Outcome(
                    MessageId: messageId,
                    Diagnostic: record.Text("Details"),
                    OccurredAt: record.Time("DeliveredAt")));
                break;
            default:
                events.Ignore(recordType);
                break;
        }
    }

    // Postmark's own names, except the two the classifier does not know.
    private static string? Label(string? type) => type switch
    {
        "BadEmailAddress" => "hard",
        "DnsError" => "soft",
        _ => type,
    };
}
