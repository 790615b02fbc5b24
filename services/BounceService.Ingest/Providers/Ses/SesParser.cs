using System.Text.Json;
using BounceService.Classification;

namespace BounceService.Ingest.Providers.Ses;

/// <summary>
/// Amazon SES notifications, in an SNS envelope (the SES JSON is a string in <c>Message</c>) or by raw
/// message delivery. Both identity notifications (<c>notificationType</c>) and configuration-set events
/// (<c>eventType</c>) are read. A <c>SubscriptionConfirmation</c> is confirmed here, i.e. only after the
/// authenticator passed it, and only on an SNS host.
/// </summary>
public sealed class SesParser(ISnsClient sns, ILogger<SesParser> logger) : IWebhookParser
{
    public const string Name = "ses";

    public async ValueTask<ParseResult> ParseAsync(ProviderRequest request, CancellationToken cancellationToken)
    {
        using var document = ProviderJson.Parse(request.Body, out var error);
        if (document is null) return ParseResult.Invalid(error!);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return ParseResult.Invalid("The body is not a JSON object.");
        if (SesRequests.IsRawDelivery(request, root)) return ReadNotification(root, "");

        var envelope = SnsEnvelope.Read(root);
        switch (envelope.Type)
        {
            case SnsEnvelope.SubscriptionConfirmation:
                return await ConfirmAsync(envelope, cancellationToken);
            case SnsEnvelope.UnsubscribeConfirmation:
                logger.LogWarning("SNS says the subscription to {Topic} was removed", envelope.TopicArn);
                return new ParseResult([], [], []);
            case SnsEnvelope.Notification:
                using (var message = ProviderJson.Parse(System.Text.Encoding.UTF8.GetBytes(envelope.Message ?? ""), out var messageError))
                {
                    return message is null
                        ? ParseResult.Invalid($"Message is not SES JSON: {messageError}", "/Message")
                        : ReadNotification(message.RootElement, "/Message");
                }
            default:
                return ParseResult.Invalid($"'{envelope.Type}' is not an SNS message type.", "/Type");
        }
    }

    private async Task<ParseResult> ConfirmAsync(SnsEnvelope envelope, CancellationToken cancellationToken)
    {
        // Checked again here: with verification off, this is the only check.
        if (SnsUrls.Subscribe(envelope.SubscribeUrl) is not { } url)
            return ParseResult.Invalid("SubscribeURL is not on an https://sns.<region>.amazonaws.com host.", "/SubscribeURL");
        try
        {
            await sns.ConfirmSubscriptionAsync(url, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Could not confirm the SNS subscription to {Topic}", envelope.TopicArn);
            return new ParseResult([], [], [], $"The subscription could not be confirmed: {ex.Message}");
        }
        logger.LogInformation("Confirmed the SNS subscription to {Topic}", envelope.TopicArn);
        return new ParseResult([], [], []);
    }

    private static ParseResult ReadNotification(JsonElement n, string at)
    {
        var events = new EventCollector(Name);
        if (n.ValueKind != JsonValueKind.Object)
        {
            events.Error(at, "The SES notification is not a JSON object.");
            return events.Result();
        }
        var type = n.Text("notificationType") ?? n.Text("eventType");
        var messageId = n.Get("mail")?.Text("messageId");
        switch (type)
        {
            case "Bounce":
                var bounce = n.Get("bounce") ?? default;
                Each(bounce, "bouncedRecipients", at + "/bounce", events, EventTypes.Bounce, r => new Outcome(
                    MessageId: messageId,
                    DsnCode: r.Text("status"),
                    Diagnostic: r.Text("diagnosticCode"),
                    ProviderLabel: bounce.Text("bounceType"),
                    OccurredAt: bounce.Time("timestamp")));
                break;
            case "Complaint":
                var complaint = n.Get("complaint") ?? default;
                var feedbackType = complaint.Text("complaintFeedbackType");
                // The recipient rescued the message from spam: the opposite of a complaint.
                if (string.Equals(feedbackType, "not-spam", StringComparison.OrdinalIgnoreCase))
                {
                    events.Ignore("Complaint/not-spam");
                    break;
                }
                Each(complaint, "complainedRecipients", at + "/complaint", events, EventTypes.Complaint, _ => new Outcome(
                    MessageId: messageId,
                    ProviderLabel: feedbackType,
                    OccurredAt: complaint.Time("timestamp")));
                break;
            case "DeliveryDelay":
                var delay = n.Get("deliveryDelay") ?? default;
                Each(delay, "delayedRecipients", at + "/deliveryDelay", events, EventTypes.Bounce, r => new Outcome(
                    MessageId: messageId,
                    DsnCode: r.Text("status"),
                    Diagnostic: r.Text("diagnosticCode") ?? delay.Text("delayType"),
                    ProviderLabel: "delayed",
                    OccurredAt: delay.Time("timestamp")));
                break;
            case "Delivery":
                var delivery = n.Get("delivery") ?? default;
                var recipients = delivery.Texts("recipients");
                for (var i = 0; i < recipients.Count; i++)
                    events.Add($"{at}/delivery/recipients/{i}", recipients[i], EventTypes.Delivered, new Outcome(
                        MessageId: messageId,
                        Diagnostic: delivery.Text("smtpResponse"),
                        OccurredAt: delivery.Time("timestamp")));
                break;
            default:
                events.Ignore(type);
                break;
        }
        return events.Result();
    }

    private static void Each(JsonElement parent, string arrayName, string at, EventCollector events, string eventType, Func<JsonElement, Outcome> outcome)
    {
        if (parent.Get(arrayName) is not { ValueKind: JsonValueKind.Array } recipients)
        {
            events.Error(ProviderJson.Pointer(at, arrayName), $"The SES notification has no {arrayName} array.");
            return;
        }
        var i = 0;
        foreach (var r in recipients.EnumerateArray())
        {
            events.Add($"{ProviderJson.Pointer(at, arrayName)}/{i}/emailAddress", r.Text("emailAddress"), eventType, outcome(r));
            i++;
        }
    }
}
