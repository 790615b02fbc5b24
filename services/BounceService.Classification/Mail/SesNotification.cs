using System.Text.RegularExpressions;

namespace BounceService.Classification.Mail;

/// <summary>
/// Amazon SES notifications delivered by e-mail (SNS): a JSON document, often escaped inside the SNS
/// envelope and wrapped by the mailer, naming each bounced or complaining recipient. Read with patterns
/// rather than a JSON parser because the wrapping breaks strict JSON. No input is slow and no timeout (which
/// fires on a busy machine) makes one message read two ways: each pattern starts at a quote or a brace and its
/// open runs stop at the next one, so no two tries read the same run; the recipients' list, whose run could hold
/// many starts, is cut at its bracket by hand.
/// </summary>
internal static partial class SesNotification
{
    [GeneratedRegex(@"""notificationType""\s*:\s*""(?<type>\w+)""", RegexOptions.CultureInvariant)]
    private static partial Regex Type();

    [GeneratedRegex(@"""bounceType""\s*:\s*""(?<type>\w+)""", RegexOptions.CultureInvariant)]
    private static partial Regex BounceType();

    [GeneratedRegex(@"""(?:bounced|complained)Recipients""\s*:\s*\[", RegexOptions.CultureInvariant)]
    private static partial Regex RecipientsStart();

    [GeneratedRegex(@"\{[^{}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Entry();

    [GeneratedRegex(@"""(?<name>emailAddress|status|action|diagnosticCode)""\s*:\s*""(?<value>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex Field();

    /// <summary>The event type and recipients, or null when <paramref name="text"/> is no SES notification.</summary>
    public static (string? EventType, List<Finding> Findings)? Read(string text)
    {
        if (!text.Contains("notificationType", StringComparison.Ordinal)) return null;
        // Undo the SNS envelope's escaping and the mailer's line wrapping.
        var json = text.Replace("\\\"", "\"").Replace("\r", "").Replace("\n ", "").Replace("\n", "");
        var type = Type().Match(json);
        if (!type.Success) return null;
        var eventType = type.Groups["type"].Value.ToLowerInvariant() switch
        {
            "bounce" => EventTypes.Bounce,
            "complaint" => EventTypes.Complaint,
            _ => null, // Delivery and the like: not a bounce.
        };
        var findings = new List<Finding>();
        var list = RecipientList(json);
        // "Permanent", "Transient" or "Undetermined": SES's own verdict, for every recipient of the bounce.
        var bounceType = BounceType().Match(json) is { Success: true } b ? b.Groups["type"].Value : null;
        if (eventType is null || list is null) return (eventType, findings);
        foreach (Match entry in Entry().Matches(list))
        {
            var fields = Field().Matches(entry.Value).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
            if (Addresses.First(fields.GetValueOrDefault("emailAddress")) is not { } address) continue;
            findings.Add(new(address, fields.GetValueOrDefault("status"), fields.GetValueOrDefault("diagnosticCode"), fields.GetValueOrDefault("action"), Label: bounceType));
        }
        return (eventType, findings);
    }

    // What lies between the first list's opening bracket and the next closing one. Without a closing bracket after
    // the first list, none follows any later list either.
    private static string? RecipientList(string json)
    {
        var start = RecipientsStart().Match(json);
        if (!start.Success) return null;
        var from = start.Index + start.Length;
        var end = json.IndexOf(']', from);
        return end < 0 ? null : json[from..end];
    }
}
