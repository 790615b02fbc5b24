using System.Text;
using System.Text.Json;

namespace BounceService.Ingest.Providers.Ses;

/// <summary>An SNS HTTP(S) message, its values exactly as decoded from the JSON (the signature covers those).</summary>
public sealed record SnsEnvelope(
    string? Type,
    string? MessageId,
    string? Token,
    string? TopicArn,
    string? Subject,
    string? Message,
    string? SubscribeUrl,
    string? Timestamp,
    string? SignatureVersion,
    string? Signature,
    string? SigningCertUrl)
{
    public const string Notification = "Notification";
    public const string SubscriptionConfirmation = "SubscriptionConfirmation";
    public const string UnsubscribeConfirmation = "UnsubscribeConfirmation";

    public static SnsEnvelope Read(JsonElement root) => new(
        Exact(root, "Type"), Exact(root, "MessageId"), Exact(root, "Token"), Exact(root, "TopicArn"), Exact(root, "Subject"),
        Exact(root, "Message"), Exact(root, "SubscribeURL"), Exact(root, "Timestamp"), Exact(root, "SignatureVersion"),
        Exact(root, "Signature"), Exact(root, "SigningCertURL"));

    /// <summary>
    /// <c>name\nvalue\n</c> for each signed field in SNS's fixed order: a notification signs <c>Subject</c> only when
    /// present; confirmations sign <c>SubscribeURL</c> and <c>Token</c> instead.
    /// </summary>
    public byte[] StringToSign()
    {
        var fields = Type == Notification
            ? new[] { ("Message", Message), ("MessageId", MessageId), ("Subject", Subject), ("Timestamp", Timestamp), ("TopicArn", TopicArn), ("Type", Type) }
            : [("Message", Message), ("MessageId", MessageId), ("SubscribeURL", SubscribeUrl), ("Timestamp", Timestamp), ("Token", Token), ("TopicArn", TopicArn), ("Type", Type)];
        var text = new StringBuilder();
        foreach (var (name, value) in fields)
            if (value is not null) text.Append(name).Append('\n').Append(value).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string? Exact(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String) return null;
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
