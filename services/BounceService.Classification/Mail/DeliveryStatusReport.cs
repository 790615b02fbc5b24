namespace BounceService.Classification.Mail;

/// <summary>
/// RFC 3464 per-recipient fields. <c>Original-Recipient</c> (the address we sent to, before any
/// forwarding) names the subscriber when present; <c>Final-Recipient</c> otherwise.
/// </summary>
internal static class DeliveryStatusReport
{
    private static readonly string[] SuccessActions = ["delivered", "relayed", "expanded"];

    /// <summary>Every recipient block, success DSNs included (so a success report is told apart from no report).</summary>
    public static List<Finding> Read(string text)
    {
        var findings = new List<Finding>();
        foreach (var block in FieldBlocks.Parse(text))
        {
            var final = Addresses.First(block.Get("Final-Recipient")) ?? Addresses.First(block.Get("X-Actual-Recipient"));
            var recipient = Addresses.First(block.Get("Original-Recipient")) ?? final;
            if (recipient is null) continue;
            var action = block.Get("Action")?.Trim().ToLowerInvariant();
            findings.Add(new(recipient, block.Get("Status"), block.Get("Diagnostic-Code"), action,
                FinalRecipient: final is not null && !final.Equals(recipient, StringComparison.OrdinalIgnoreCase) ? final : null));
        }
        return findings;
    }

    /// <summary>A recipient the message reached: nothing to report.</summary>
    public static bool IsSuccess(Finding finding) =>
        finding.Action is { } action && SuccessActions.Any(action.StartsWith)
        || SmtpStatusCodes.FindEnhanced(finding.Status) is ['2', ..];
}
