namespace BounceService.Classification.Mail;

/// <summary>
/// RFC 3464 per-recipient fields. A block may give <c>Original-Recipient</c> before or after
/// <c>Final-Recipient</c>; the final one is where delivery failed, so it names the recipient.
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
            var recipient = Addresses.First(block.Get("Final-Recipient"))
                ?? Addresses.First(block.Get("Original-Recipient"))
                ?? Addresses.First(block.Get("X-Actual-Recipient"));
            if (recipient is null) continue;
            var action = block.Get("Action")?.Trim().ToLowerInvariant();
            findings.Add(new(recipient, block.Get("Status"), block.Get("Diagnostic-Code"), action));
        }
        return findings;
    }

    /// <summary>A recipient the message reached: nothing to report.</summary>
    public static bool IsSuccess(Finding finding) =>
        finding.Action is { } action && SuccessActions.Any(action.StartsWith)
        || SmtpStatusCodes.FindEnhanced(finding.Status) is ['2', ..];
}
