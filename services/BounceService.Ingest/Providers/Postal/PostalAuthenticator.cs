using System.Security.Cryptography;

namespace BounceService.Ingest.Providers.Postal;

/// <summary>
/// Postal signs the raw body with its server key, RSA PKCS#1 v1.5: <c>X-Postal-Signature-256</c> (SHA-256) and
/// the legacy <c>X-Postal-Signature</c> (SHA-1). When the SHA-256 header is present only it counts, so that a
/// request cannot be downgraded to SHA-1. Nothing with a time is signed: replays are caught by the event id (uuid).
/// </summary>
public sealed class PostalAuthenticator : IWebhookAuthenticator
{
    public string? Validate(ProviderSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.PublicKey)) return "needs PublicKey (PEM, or the p= value of Postal's DKIM record)";
        try
        {
            using var key = Import(settings.PublicKey);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or ArgumentException)
        {
            return $"PublicKey is not an RSA public key: {ex.Message}";
        }
    }

    public ValueTask<AuthResult> AuthenticateAsync(ProviderRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Authenticate(request));

    private static AuthResult Authenticate(ProviderRequest request)
    {
        var (signature, hash) = request.Header("X-Postal-Signature-256") is { } sha256
            ? (sha256, HashAlgorithmName.SHA256)
            : (request.Header("X-Postal-Signature"), HashAlgorithmName.SHA1);
        if (signature is null) return AuthResult.Fail("The X-Postal-Signature-256 (or X-Postal-Signature) header is required.");
        var bytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature.Trim(), bytes, out var length)) return AuthResult.Fail("The signature is not base64.");

        using var key = Import(request.Settings.PublicKey!);
        try
        {
            return key.VerifyData(request.Body.Span, bytes.AsSpan(0, length), hash, RSASignaturePadding.Pkcs1)
                ? AuthResult.Success
                : AuthResult.Fail("The signature does not match.");
        }
        catch (CryptographicException)
        {
            return AuthResult.Fail("The signature does not match.");
        }
    }

    /// <summary>A PEM public key, or the bare base64 (SubjectPublicKeyInfo or PKCS#1) as Postal's DKIM record shows it.</summary>
    private static RSA Import(string text)
    {
        var rsa = RSA.Create();
        try
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith("-----", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(trimmed);
                return rsa;
            }
            var der = Convert.FromBase64String(trimmed);
            try
            {
                rsa.ImportSubjectPublicKeyInfo(der, out _);
            }
            catch (CryptographicException)
            {
                rsa.ImportRSAPublicKey(der, out _);
            }
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }
}
