using System.Text.Json;
using BounceService.Classification;

namespace BounceService.Ingest.Providers.SparkPost;

/// <summary>
/// SparkPost (Bird) event webhooks: an array of <c>{"msys": {"&lt;x&gt;_event": {...}}}</c>, every value a string.
/// The validation ping <c>[{"msys": {}}]</c> carries no event. No signature: basic auth or a bearer token.
/// </summary>
public sealed class SparkPostParser : IWebhookParser
{
    public const string Name = "sparkpost";

    public static readonly WebhookProvider Provider = new(Name, "SparkPost", SharedSecretAuthenticator.Instance, new SparkPostParser());

    public ValueTask<ParseResult> ParseAsync(ProviderRequest request, CancellationToken cancellationToken)
    {
        using var document = ProviderJson.Parse(request.Body, out var error);
        if (document is null) return ValueTask.FromResult(ParseResult.Invalid(error!));
        var events = new EventCollector(Name);
        foreach (var (item, at) in ProviderJson.Items(document.RootElement))
        {
            if (item.Get("msys") is not { ValueKind: JsonValueKind.Object } msys)
            {
                events.Error(at, $"The item at '{at}' is not an object with 'msys'.");
                continue;
            }
            foreach (var group in msys.EnumerateObject())
            {
                if (group.Value.ValueKind == JsonValueKind.Object)
                    Read(group.Value, ProviderJson.Pointer(ProviderJson.Pointer(at, "msys"), group.Name), events);
                else
                    events.Ignore(group.Name);
            }
        }
        return ValueTask.FromResult(events.Result());
    }

    private static void Read(JsonElement e, string at, EventCollector events)
    {
        var type = e.Text("type");
        var recipient = e.Text("rcpt_to") ?? e.Text("raw_rcpt_to");
        var pointer = ProviderJson.Pointer(at, "rcpt_to");
        var outcome = new Outcome(
            EventId: e.Text("event_id") is { } id ? $"{Name}-{id}" : null,
            MessageId: e.Text("message_id"),
            OccurredAt: e.EpochSeconds("timestamp"));
        switch (type)
        {
            case "bounce":
            case "out_of_band":
            case "policy_rejection":
            case "delay":
                var bounceClass = e.Integer("bounce_class");
                if (bounceClass is 60 or 80 or 100)
                {
                    events.Ignore($"{type}/{bounceClass}");
                    return;
                }
                events.Add(pointer, recipient, EventTypes.Bounce, outcome with
                {
                    SmtpCode = e.SmtpCode("error_code"),
                    Diagnostic = e.Text("raw_reason") ?? e.Text("reason"),
                    ProviderLabel = type == "delay" ? "delayed" : Label(bounceClass),
                });
                break;
            case "spam_complaint":
                events.Add(pointer, recipient, EventTypes.Complaint, outcome with { ProviderLabel = e.Text("fbtype") });
                break;
            case "delivery":
                events.Add(pointer, recipient, EventTypes.Delivered, outcome with { Diagnostic = e.Text("raw_reason") });
                break;
            default:
                events.Ignore(type);
                break;
        }
    }

    // SparkPost's bounce categories; Block (50-54) has no label: the codes and text decide.
    private static string? Label(long? bounceClass) => bounceClass switch
    {
        10 or 25 or 30 or 90 => "hard",
        20 or 21 or 22 or 23 or 24 or 40 or 70 => "soft",
        1 => "undetermined",
        _ => null,
    };
}
