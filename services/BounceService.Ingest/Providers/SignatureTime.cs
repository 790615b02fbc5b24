using System.Globalization;

namespace BounceService.Ingest.Providers;

/// <summary>Refuses signed requests whose timestamp is further from now than the tolerance, so old captures cannot be replayed.</summary>
public static class SignatureTime
{
    public static AuthResult Check(DateTimeOffset? signedAt, ProviderRequest request, string what)
    {
        if (signedAt is null) return AuthResult.Fail($"The {what} is missing or not a time.");
        return (request.Now - signedAt.Value).Duration() > request.Tolerance
            ? AuthResult.Fail($"The {what} ({signedAt.Value.UtcDateTime:O}) is more than {request.Tolerance} away from the current time.")
            : AuthResult.Success;
    }

    public static DateTimeOffset? FromUnixSeconds(string? text) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 253_402_300_799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
