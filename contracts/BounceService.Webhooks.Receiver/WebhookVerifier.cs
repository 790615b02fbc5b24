using System.Security.Cryptography;
using System.Text;

namespace BounceService.Webhooks.Receiver;

/// <summary>
/// Checks a BounceService webhook the Standard Webhooks way: one of the space-separated <c>v1,</c> signatures in
/// <c>webhook-signature</c> must be the HMAC-SHA256 of <c>webhook-id.webhook-timestamp.body</c> under the
/// endpoint's <c>whsec_</c> secret, and the timestamp must be recent (replays of old requests fail).
/// Deduplicate on <c>webhook-id</c>: it stays the same across retries.
/// </summary>
/// <example>
/// <code>
/// var verifier = new WebhookVerifier(secret);
/// if (!verifier.Verify(Request.Headers["webhook-id"], Request.Headers["webhook-timestamp"], Request.Headers["webhook-signature"], body))
///     return Results.Unauthorized();
/// </code>
/// </example>
public sealed class WebhookVerifier
{
    private const string SecretPrefix = "whsec_";
    private readonly byte[] _key;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _clock;

    /// <param name="secret">The endpoint's secret as BounceService showed it, <c>whsec_</c> + base64.</param>
    /// <param name="tolerance">How far the timestamp may be from now; five minutes when not given.</param>
    public WebhookVerifier(string secret, TimeSpan? tolerance = null, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        _tolerance = tolerance ?? TimeSpan.FromMinutes(5);
        _clock = clock ?? TimeProvider.System;
    }

    /// <param name="body">The raw request body, exactly as received (not re-serialised).</param>
    public bool Verify(string? id, string? timestamp, string? signatures, string body)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(signatures)
            || !long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            return false;
        var age = _clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > _tolerance) return false;

        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"))));
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
