using System.Security.Cryptography;
using System.Text;

namespace BounceService.Ingest.Providers.Resend;

/// <summary>
/// Svix (Standard Webhooks), as Resend delivers: HMAC-SHA256 under the base64 secret after <c>whsec_</c>, over
/// <c>svix-id.svix-timestamp.body</c>; <c>svix-signature</c> holds one or more space-separated <c>v1,&lt;base64&gt;</c>
/// (several during a secret rotation), any of which may match.
/// </summary>
public sealed class SvixAuthenticator : IWebhookAuthenticator
{
    private const string SecretPrefix = "whsec_";

    public string? Validate(ProviderSettings settings) => Key(settings.Secret) is null
        ? "needs Secret (the endpoint's signing secret, whsec_...)"
        : null;

    public ValueTask<AuthResult> AuthenticateAsync(ProviderRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Authenticate(request));

    private static AuthResult Authenticate(ProviderRequest request)
    {
        var id = request.Header("svix-id") ?? request.Header("webhook-id");
        var timestamp = request.Header("svix-timestamp") ?? request.Header("webhook-timestamp");
        var signatures = request.Header("svix-signature") ?? request.Header("webhook-signature");
        if (id is null || timestamp is null || signatures is null)
            return AuthResult.Fail("The svix-id, svix-timestamp and svix-signature headers are required.");

        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var signed = new byte[prefix.Length + request.Body.Length];
        prefix.CopyTo(signed, 0);
        request.Body.Span.CopyTo(signed.AsSpan(prefix.Length));
        var expected = HMACSHA256.HashData(Key(request.Settings.Secret)!, signed);

        var matched = false;
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(',', 2);
            if (parts.Length != 2 || parts[0] != "v1") continue;
            var given = new byte[parts[1].Length];
            // No early exit: every entry is compared.
            if (Convert.TryFromBase64String(parts[1], given, out var length) && length == expected.Length)
                matched |= CryptographicOperations.FixedTimeEquals(given.AsSpan(0, length), expected);
        }
        return matched
            ? SignatureTime.Check(SignatureTime.FromUnixSeconds(timestamp), request, "svix-timestamp")
            : AuthResult.Fail("No v1 signature matches.");
    }

    private static byte[]? Key(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret)) return null;
        var base64 = secret.Trim();
        if (base64.StartsWith(SecretPrefix, StringComparison.Ordinal)) base64 = base64[SecretPrefix.Length..];
        var key = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, key, out var length) && length > 0 ? key[..length] : null;
    }
}
