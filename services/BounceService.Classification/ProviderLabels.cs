namespace BounceService.Classification;

/// <summary>The kind a provider's own label means (SES, Postmark, SendGrid, Mailgun, ...), when nothing better is known.</summary>
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

    public static string? KindOf(string? label) =>
        label is not null && KindByLabel.TryGetValue(label.Trim(), out var kind) ? kind : null;
}
