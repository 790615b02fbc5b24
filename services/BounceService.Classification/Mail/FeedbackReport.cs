using MimeKit;

namespace BounceService.Classification.Mail;

/// <summary>
/// RFC 5965 ARF complaints. The complaining address is <c>Original-Rcpt-To</c>, else the returned
/// message's <c>To</c>. <c>Feedback-Type: not-spam</c> withdraws a complaint, so it reports nobody.
/// </summary>
internal static class FeedbackReport
{
    public static List<Finding> Read(string report, MimeMessage? returned)
    {
        var fields = FieldBlocks.Parse(report).SelectMany(b => b).ToList();
        var type = fields.Get("Feedback-Type")?.Trim().ToLowerInvariant();
        if (type == "not-spam") return [];
        var recipient = Addresses.First(fields.Get("Original-Rcpt-To")) ?? ReturnedRecipient(returned);
        return recipient is null ? [] : [new(recipient, null, type)];
    }

    /// <summary>Where the complained-about message went, by its own headers (Hotmail's JMRP adds its own).</summary>
    public static string? ReturnedRecipient(MimeMessage? returned)
    {
        if (returned is null) return null;
        return Addresses.First(returned.Headers["X-HmXmrOriginalRecipient"])
            ?? returned.To.Mailboxes.FirstOrDefault()?.Address
            ?? Addresses.First(returned.Headers["Delivered-To"]);
    }
}
