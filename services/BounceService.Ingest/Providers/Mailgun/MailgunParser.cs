using System.Text.Json;
using BounceService.Classification;

namespace BounceService.Ingest.Providers.Mailgun;

/// <summary>
/// Mailgun webhooks (v3): <c>{"signature": {...}, "event-data": {...}}</c>, one event per request.
/// <c>delivery-status</c> may be missing, null or partial; its <c>code</c> can be Mailgun's own (605), which is
/// no SMTP reply code. The event id is derived from the event's content: <c>id</c> is unique only within a day,
/// and a retried webhook is signed anew, so the token changes.
/// </summary>
public sealed class MailgunParser : IWebhookParser
{
    public const string Name = "mailgun";

    public static readonly WebhookProvider Provider = new(Name, "Mailgun", new MailgunAuthenticator(), new MailgunParser());

    public ValueTask<ParseResult> ParseAsync(ProviderRequest request, CancellationToken cancellationToken)
    {
        using var document = ProviderJson.Parse(request.Body, out var error);
        if (document is null) return ValueTask.FromResult(ParseResult.Invalid(error!));
        var events = new EventCollector(Name);
        foreach (var (item, at) in ProviderJson.Items(document.RootElement))
        {
            if (item.Get("event-data") is { ValueKind: JsonValueKind.Object } data)
                Read(data, ProviderJson.Pointer(at, "event-data"), events);
            else
                events.Error(at, $"The body at '{at}' has no 'event-data' object.");
        }
        return ValueTask.FromResult(events.Result());
    }

    private static void Read(JsonElement e, string at, EventCollector events)
    {
        var type = e.Text("event");
        var pointer = ProviderJson.Pointer(at, "recipient");
        var recipient = e.Text("recipient");
        var status = e.Get("delivery-status") ?? default;
        var outcome = new Outcome(
            MessageId: e.Text("id") ?? e.Get("message")?.Get("headers")?.Text("message-id"),
            OccurredAt: e.EpochSeconds("timestamp"),
            SmtpCode: status.SmtpCode("code"),
            DsnCode: status.Text("enhanced-code") ?? status.Text("bounce-code"),
            Diagnostic: status.Text("message") ?? status.Text("description") ?? e.Text("description"),
            RemoteHost: status.Text("mx-host"));
        switch (type)
        {
            case "failed":
                var reason = e.Text("reason");
                if (reason is "suppress-unsubscribe" or "suppress-complaint")
                {
                    events.Ignore($"{type}/{reason}");
                    return;
                }
                var label = reason == "suppress-bounce" ? "permanent" : e.Text("severity");
                events.Add(pointer, recipient, EventTypes.Bounce, outcome with { ProviderLabel = label });
                break;
            case "complained":
                events.Add(pointer, recipient, EventTypes.Complaint, outcome);
                break;
            case "delivered":
                events.Add(pointer, recipient, EventTypes.Delivered, outcome);
                break;
            default:
                events.Ignore(type);
                break;
        }
    }
}
