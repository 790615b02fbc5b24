using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BounceService.Ingest.Providers.Mailgun;

/// <summary>
/// Mailgun signs <c>timestamp + token</c> (not the body) with HMAC-SHA256 under the webhook signing key; the
/// signature block travels in the body.
/// </summary>
public sealed class MailgunAuthenticator : IWebhookAuthenticator
{
    public string? Validate(ProviderSettings settings) =>
        string.IsNullOrEmpty(settings.SigningKey) ? "needs SigningKey (the HTTP webhook signing key, not the API key)" : null;

    public ValueTask<AuthResult> AuthenticateAsync(ProviderRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Authenticate(request));

    private static AuthResult Authenticate(ProviderRequest request)
    {
        using var document = ProviderJson.Parse(request.Body, out _);
        if (document?.RootElement.Get("signature") is not { ValueKind: JsonValueKind.Object } block)
            return AuthResult.Fail("The body is not JSON with a 'signature' block.");
        var timestamp = block.Text("timestamp");
        var token = block.Text("token");
        var signature = block.Text("signature");
        if (timestamp is null || token is null || signature is null)
            return AuthResult.Fail("The signature block lacks timestamp, token or signature.");

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(request.Settings.SigningKey!), Encoding.UTF8.GetBytes(timestamp + token));
        if (!TryFromHex(signature, out var given) || !CryptographicOperations.FixedTimeEquals(given, expected))
            return AuthResult.Fail("The signature does not match.");
        return SignatureTime.Check(SignatureTime.FromUnixSeconds(timestamp), request, "signature timestamp");
    }

    private static bool TryFromHex(string hex, out byte[] bytes)
    {
        bytes = new byte[hex.Length / 2];
        return hex.Length == 64 && Convert.FromHexString(hex, bytes, out _, out _) == System.Buffers.OperationStatus.Done;
    }
}
