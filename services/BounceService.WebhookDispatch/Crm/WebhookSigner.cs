using System.Security.Cryptography;
using System.Text;

namespace BounceService.WebhookDispatch.Crm;

/// <summary>Standard Webhooks signing: <c>v1,</c> + base64 HMAC-SHA256 over <c>id.timestamp.body</c>.</summary>
public static class WebhookSigner
{
    private const string SecretPrefix = "whsec_";

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), signed));
    }

    /// <summary>The key bytes: the base64 after <c>whsec_</c>; a secret that is not base64 is used as UTF-8 text.</summary>
    public static byte[] KeyOf(string secret)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        var buffer = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, buffer, out var written) ? buffer[..written] : Encoding.UTF8.GetBytes(secret);
    }
}
