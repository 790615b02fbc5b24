using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>
/// RFC 5965 ARF complaints. The complaining addresses are every <c>Original-Rcpt-To</c>, else every
/// <c>Removal-Recipient</c>, else the returned message's <c>To</c>, else <see cref="MailRecipient.Undisclosed"/>. <c>Feedback-Type: not-spam</c> withdraws a
/// complaint, so it reports nobody.
/// </summary>
internal static class FeedbackReport
{
    public static List<Finding> Read(string report, MailHeaders? returned)
    {
        var fields = FieldBlocks.Parse(report).SelectMany(b => b).ToList();
        var type = fields.Get("Feedback-Type")?.Trim().ToLowerInvariant();
        if (type == "not-spam") return [];
        var recipients = All(fields, "Original-Rcpt-To");
        // The ARF drafts' opt-out report names who asks to leave in Removal-Recipient, and may redact the returned To.
        if (recipients.Count == 0) recipients = All(fields, "Removal-Recipient");
        if (recipients.Count == 0) recipients.Add(ReturnedRecipient(returned) ?? MailRecipient.Undisclosed);
        return recipients.Select(r => new Finding(r, null, type)).ToList();
    }

    private static List<string> All(List<KeyValuePair<string, string>> fields, string name) =>
        fields.Where(f => f.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(f => Addresses.First(f.Value)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    // Hotmail's complaint loop (JMRP) names the complainer in a header it adds to the complained-about message.
    private const string HotmailComplainer = "X-HmXmrOriginalRecipient";

    /// <summary>Where the complained-about message went, by its own headers (Hotmail's JMRP adds its own).</summary>
    public static string? ReturnedRecipient(MailHeaders? returned)
    {
        if (returned is null) return null;
        return Addresses.First(returned[HotmailComplainer])
            ?? Addresses.First(returned[HeaderId.To])
            ?? Addresses.First(returned["Delivered-To"]);
    }

    /// <summary>
    /// Hotmail's complaint loop (JMRP) may send the complained-about message itself, not wrapped in a report of its
    /// own: its <c>X-HmXmrOriginalRecipient</c> header then names the complainer in the message's own headers.
    /// </summary>
    public static List<Finding>? Unwrapped(MailHeaders headers) =>
        Addresses.First(headers[HotmailComplainer]) is { } complainer ? [new(complainer, null, null)] : null;

    /// <summary>
    /// Apple Mail's one-click unsubscribe: a message from the subscriber to the list's opt-out address,
    /// marked <c>X-Apple-Unsubscribe: true</c>. The subscriber asks to receive no more mail.
    /// </summary>
    public static List<Finding>? Unsubscribe(MailHeaders headers) =>
        headers["X-Apple-Unsubscribe"]?.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) == true
        && Addresses.First(headers[HeaderId.From]) is { } subscriber
            ? [new(subscriber, null, "opt-out")]
            : null;
}
