namespace BounceService.Classification;

/// <summary>What a provider's or a sending MTA's own label means (SES, Postmark, SendGrid, Mailgun, PowerMTA, ...), when nothing better is known.</summary>
public static class ProviderLabels
{
    private static readonly Dictionary<string, string> KindByLabel = new(StringComparer.OrdinalIgnoreCase)
    {
        ["permanent"] = "hard", ["hard"] = "hard", ["hardbounce"] = "hard", ["hard_bounce"] = "hard",
        ["hard-bounce"] = "hard", ["failed"] = "hard", ["bounce"] = "hard", ["bounced"] = "hard",
        ["transient"] = "soft", ["soft"] = "soft", ["softbounce"] = "soft", ["soft_bounce"] = "soft",
        ["soft-bounce"] = "soft", ["deferred"] = "soft", ["delayed"] = "soft", ["temporary"] = "soft",
        ["undetermined"] = "undetermined", ["unknown"] = "undetermined",
        ["complaint"] = "complaint", ["spamreport"] = "complaint", ["spam_report"] = "complaint",
        ["spamcomplaint"] = "complaint",
    };

    // PowerMTA's bounce categories (X-PowerMTA-BounceCategory), read as Sisimai's Lhost/PowerMTA.pm reads them
    // (BSD 2-Clause, see NOTICE.md); its "disabled" for an inactive mailbox is our suspend.
    private static readonly Dictionary<string, string> ReasonByLabel = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bad-domain"] = Reasons.HostUnknown, ["bad-mailbox"] = Reasons.UserUnknown, ["inactive-mailbox"] = Reasons.Suspend,
        ["message-expired"] = Reasons.Expired, ["no-answer-from-host"] = Reasons.NetworkError,
        ["policy-related"] = Reasons.PolicyViolation, ["quota-issues"] = Reasons.MailboxFull,
        ["routing-errors"] = Reasons.SystemError, ["spam-related"] = Reasons.SpamDetected,
    };

    public static string? KindOf(string? label) =>
        label is not null && KindByLabel.TryGetValue(label.Trim(), out var kind) ? kind : null;

    /// <summary>The reason a sending system's category names, or null when the label names none.</summary>
    public static string? ReasonOf(string? label) =>
        label is not null && ReasonByLabel.TryGetValue(label.Trim(), out var reason) ? reason : null;
}
