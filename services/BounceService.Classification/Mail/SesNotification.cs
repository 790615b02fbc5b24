using System.Text.RegularExpressions;

namespace BounceService.Classification.Mail;

/// <summary>
/// Amazon SES notifications delivered by e-mail (SNS): a JSON document, often escaped inside the SNS
/// envelope and wrapped by the mailer, naming each bounced or complaining recipient. Read with patterns
/// rather than a JSON parser because the wrapping breaks strict JSON; with the linear engine, so that no
/// input is slow and no timeout (which fires on a busy machine) makes one message read two ways.
/// </summary>
internal static partial class SesNotification
{
    [GeneratedRegex(@"""notificationType""\s*:\s*""(?<type>\w+)""", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Type();

    [GeneratedRegex(@"""bounceType""\s*:\s*""(?<type>\w+)""", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BounceType();

    [GeneratedRegex(@"""(?:bounced|complained)Recipients""\s*:\s*\[(?<list>[^\]]*)\]", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Recipients();

    [GeneratedRegex(@"\{[^{}]*\}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Entry();

    [GeneratedRegex(@"""(?<name>emailAddress|status|action|diagnosticCode)""\s*:\s*""(?<value>[^""]*)""", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
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
        var list = Recipients().Match(json);
        // "Permanent", "Transient" or "Undetermined": SES's own verdict, for every recipient of the bounce.
        var bounceType = BounceType().Match(json) is { Success: true } b ? b.Groups["type"].Value : null;
        if (eventType is null || !list.Success) return (eventType, findings);
        foreach (Match entry in Entry().Matches(list.Groups["list"].Value))
        {
            var fields = Field().Matches(entry.Value).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
            if (Addresses.First(fields.GetValueOrDefault("emailAddress")) is not { } address) continue;
            findings.Add(new(address, fields.GetValueOrDefault("status"), fields.GetValueOrDefault("diagnosticCode"), fields.GetValueOrDefault("action"), Label: bounceType));
        }
        return (eventType, findings);
    }
}
