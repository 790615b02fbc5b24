using System.Net.Mail;

namespace BounceService.Ingest.Providers;

public static class Recipients
{
    /// <summary>The bare address, lower-cased, or null when <paramref name="value"/> is not one address that mail
    /// can reach (a domain under <c>.invalid</c>, reserved by RFC 6761, never can: a report's stand-in for a
    /// recipient it does not name, such as <see cref="Classification.Mail.MailRecipient.Undisclosed"/>).</summary>
    public static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        if (trimmed.Length > 254 || trimmed.Any(char.IsWhiteSpace)) return null;
        if (!MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || address.DisplayName.Length > 0)
            return null;
        if (address.Host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase)) return null;
        return address.Host.Contains('.') || address.Host == "localhost" ? trimmed.ToLowerInvariant() : null;
    }
}
