using System.Security.Cryptography;
using System.Text;

namespace BounceService.Ingest.Providers.SendGrid;

/// <summary>
/// SendGrid's Signed Event Webhook: ECDSA P-256 / SHA-256 over the timestamp header's bytes followed by the raw
/// body; the signature is base64 DER (ASN.1 r, s); the key is base64 DER SubjectPublicKeyInfo, as SendGrid shows it.
/// </summary>
public sealed class SendGridAuthenticator : IWebhookAuthenticator
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    public string? Validate(ProviderSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.PublicKey)) return "needs PublicKey (base64, from Mail Settings > Signed Event Webhook)";
        try
        {
            using var key = Import(settings.PublicKey);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return $"PublicKey is not a base64 DER EC public key: {ex.Message}";
        }
    }

    public ValueTask<AuthResult> AuthenticateAsync(ProviderRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Authenticate(request));

    private static AuthResult Authenticate(ProviderRequest request)
    {
        var timestamp = request.Header(TimestampHeader);
        var signature = request.Header(SignatureHeader);
        if (timestamp is null || signature is null)
            return AuthResult.Fail($"The {SignatureHeader} and {TimestampHeader} headers are required.");
        var signatureBytes = new byte[signature.Length];
        if (!Convert.TryFromBase64String(signature.Trim(), signatureBytes, out var length))
            return AuthResult.Fail("The signature is not base64.");

        var timestampBytes = Encoding.UTF8.GetBytes(timestamp);
        var signed = new byte[timestampBytes.Length + request.Body.Length];
        timestampBytes.CopyTo(signed, 0);
        request.Body.Span.CopyTo(signed.AsSpan(timestampBytes.Length));

        using var key = Import(request.Settings.PublicKey!);
        bool valid;
        try
        {
            valid = key.VerifyData(signed, signatureBytes.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            valid = false;
        }
        return valid
            ? SignatureTime.Check(SignatureTime.FromUnixSeconds(timestamp), request, "signature timestamp")
            : AuthResult.Fail("The signature does not match.");
    }

    private static ECDsa Import(string base64Der)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(base64Der.Trim()), out _);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
