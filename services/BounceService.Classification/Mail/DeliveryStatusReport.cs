namespace BounceService.Classification.Mail;

/// <summary>
/// RFC 3464 per-recipient fields. <c>Original-Recipient</c> (the address we sent to, before any
/// forwarding) names the subscriber when present; <c>Final-Recipient</c> otherwise.
/// </summary>
internal static class DeliveryStatusReport
{
    private static readonly string[] SuccessActions = ["delivered", "relayed", "expanded"];

    // Per-recipient fields in which a sending MTA states its own category of the failure.
    private static readonly string[] CategoryFields = ["X-PowerMTA-BounceCategory"];

    /// <summary>Every recipient block, success DSNs included (so a success report is told apart from no report).</summary>
    public static List<Finding> Read(string text)
    {
        var findings = new List<Finding>();
        foreach (var block in FieldBlocks.Parse(text).SelectMany(PerRecipient))
        {
            var final = RecipientField(block.Get("Final-Recipient")) ?? RecipientField(block.Get("X-Actual-Recipient"));
            var recipient = RecipientField(block.Get("Original-Recipient")) ?? final;
            if (recipient is null) continue;
            var action = block.Get("Action")?.Trim().ToLowerInvariant();
            findings.Add(new(recipient, block.Get("Status"), block.Get("Diagnostic-Code"), action,
                FinalRecipient: final is not null && !final.Equals(recipient, StringComparison.OrdinalIgnoreCase) ? final : null,
                Label: Category(block), RemoteHost: HostField(block.Get("Remote-MTA"))));
        }
        return findings;
    }

    private static string? Category(List<KeyValuePair<string, string>> block)
    {
        foreach (var field in CategoryFields)
        {
            if (block.Get(field) is { } category) return category;
        }
        return null;
    }

    // "dns; mx.example.com": the host name after its type.
    private static string? HostField(string? value) =>
        value is null ? null : value.AsSpan(value.IndexOf(';') + 1).Trim() is { Length: > 0 } host ? host.ToString() : null;

    /// <summary>A recipient the message reached: nothing to report.</summary>
    public static bool IsSuccess(Finding finding) =>
        finding.Action is { } action && SuccessActions.Any(action.StartsWith)
        || SmtpStatusCodes.FindEnhanced(finding.Status) is ['2', ..];

    // Some MTAs (AOL) write the recipients' fields one after the other without the blank line between
    // them: a recipient field seen twice starts the next recipient.
    private static IEnumerable<List<KeyValuePair<string, string>>> PerRecipient(List<KeyValuePair<string, string>> block)
    {
        var current = new List<KeyValuePair<string, string>>();
        foreach (var field in block)
        {
            if (IsRecipientField(field.Key) && current.Get(field.Key) is not null)
            {
                yield return current;
                current = [];
            }
            current.Add(field);
        }
        yield return current;
    }

    private static bool IsRecipientField(string name) =>
        name.Equals("Final-Recipient", StringComparison.OrdinalIgnoreCase) || name.Equals("Original-Recipient", StringComparison.OrdinalIgnoreCase);

    // "rfc822; a@b": the typed field names exactly one mailbox, so a host without a dot ("user@mailhub")
    // is a recipient here, where free text would need a dotted domain to tell an address from noise.
    private static string? RecipientField(string? value)
    {
        if (value is null) return null;
        var address = value.AsSpan(value.IndexOf(';') + 1).Trim().Trim("<> ").ToString();
        return Addresses.First(address) ?? (Addresses.IsBare(address) ? address : null);
    }
}
