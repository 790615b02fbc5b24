using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BounceService.Ingest.Providers.Ses;

/// <summary>
/// SNS envelopes: signature version 1 (RSA SHA-1) or 2 (RSA SHA-256) over the canonical string, the certificate
/// only from an SNS host, the topic among <c>TopicArns</c>, the timestamp within the tolerance, and for a
/// <c>SubscriptionConfirmation</c> a <c>SubscribeURL</c> on an SNS host. Raw message delivery is unsigned, so it
/// needs the shared secret (basic auth or token) configured for <c>Ses</c>.
/// </summary>
public sealed class SesAuthenticator(SnsCertificates certificates) : IWebhookAuthenticator
{
    public string? Validate(ProviderSettings settings) => settings.TopicArns.Count == 0
        ? "needs TopicArns (the SNS topics whose messages are accepted; any AWS account can sign SNS messages)"
        : null;

    public async ValueTask<AuthResult> AuthenticateAsync(ProviderRequest request, CancellationToken cancellationToken)
    {
        using var document = ProviderJson.Parse(request.Body, out _);
        if (document is null) return AuthResult.Fail("The body is not a JSON SNS message.");

        if (SesRequests.IsRawDelivery(request, document.RootElement))
        {
            if (!request.Settings.HasSharedSecret)
                return AuthResult.Fail("Raw message delivery is unsigned; it is accepted only with Providers:Ses credentials (Username/Password or Token).");
            if (request.Header(SesRequests.TopicArnHeader) is { } topic && !request.Settings.TopicArns.Contains(topic, StringComparer.Ordinal))
                return AuthResult.Fail($"The topic '{topic}' is not one of Providers:Ses:TopicArns.");
            return SharedSecret.Check(request);
        }

        var envelope = SnsEnvelope.Read(document.RootElement);
        if (envelope.Type is not (SnsEnvelope.Notification or SnsEnvelope.SubscriptionConfirmation or SnsEnvelope.UnsubscribeConfirmation))
            return AuthResult.Fail($"'{envelope.Type}' is not an SNS message type.");
        if (envelope.TopicArn is null || !request.Settings.TopicArns.Contains(envelope.TopicArn, StringComparer.Ordinal))
            return AuthResult.Fail($"The topic '{envelope.TopicArn}' is not one of Providers:Ses:TopicArns.");
        var hash = envelope.SignatureVersion switch
        {
            "1" => HashAlgorithmName.SHA1,
            "2" => HashAlgorithmName.SHA256,
            _ => default,
        };
        if (hash == default) return AuthResult.Fail($"SignatureVersion '{envelope.SignatureVersion}' is not 1 or 2.");
        if (SnsUrls.Certificate(envelope.SigningCertUrl) is not { } certificateUrl)
            return AuthResult.Fail("SigningCertURL is not a .pem on an https://sns.<region>.amazonaws.com host.");
        if (envelope.Type == SnsEnvelope.SubscriptionConfirmation && SnsUrls.Subscribe(envelope.SubscribeUrl) is null)
            return AuthResult.Fail("SubscribeURL is not on an https://sns.<region>.amazonaws.com host.");
        var signature = new byte[envelope.Signature?.Length ?? 0];
        if (envelope.Signature is null || !Convert.TryFromBase64String(envelope.Signature, signature, out var length))
            return AuthResult.Fail("Signature is missing or not base64.");

        RSA? key;
        try
        {
            key = (await certificates.GetAsync(certificateUrl, cancellationToken)).GetRSAPublicKey();
        }
        catch (HttpRequestException ex)
        {
            return AuthResult.Unavailable($"The signing certificate could not be downloaded: {ex.Message}");
        }
        catch (CryptographicException)
        {
            return AuthResult.Fail("SigningCertURL does not hold an X.509 certificate.");
        }
        if (key is null) return AuthResult.Fail("The signing certificate holds no RSA key.");
        using (key)
        {
            bool valid;
            try
            {
                valid = key.VerifyData(envelope.StringToSign(), signature.AsSpan(0, length), hash, RSASignaturePadding.Pkcs1);
            }
            catch (CryptographicException)
            {
                valid = false;
            }
            if (!valid) return AuthResult.Fail("The signature does not match.");
        }
        var timestamp = DateTimeOffset.TryParse(envelope.Timestamp, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;
        return SignatureTime.Check(timestamp, request, "SNS Timestamp");
    }
}
