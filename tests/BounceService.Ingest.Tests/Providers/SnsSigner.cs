using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using BounceService.Ingest.Providers.Ses;

namespace BounceService.Ingest.Tests.Providers;

/// <summary>Signs SNS envelopes with a key made for the test, for cases the fixtures cannot show (a foreign SubscribeURL).</summary>
public sealed class SnsSigner : IDisposable
{
    public const string CertificateUrl = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test-signer.pem";

    private readonly RSA _key = RSA.Create(2048);

    public string CertificatePem { get; }

    public SnsSigner()
    {
        var request = new CertificateRequest("CN=sns.amazonaws.com (TEST)", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-20), DateTimeOffset.UtcNow.AddYears(20));
        CertificatePem = certificate.ExportCertificatePem();
    }

    /// <summary>The envelope as SNS would post it, signed with version <paramref name="version"/> over its fields.</summary>
    public byte[] Sign(Dictionary<string, string> fields, string version = "2", string certificateUrl = CertificateUrl)
    {
        fields["SignatureVersion"] = version;
        fields["SigningCertURL"] = certificateUrl;
        using var unsigned = JsonDocument.Parse(JsonSerializer.Serialize(fields));
        var toSign = SnsEnvelope.Read(unsigned.RootElement).StringToSign();
        var signature = _key.SignData(toSign, version == "1" ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        fields["Signature"] = Convert.ToBase64String(signature);
        return JsonSerializer.SerializeToUtf8Bytes(fields);
    }

    public void Dispose() => _key.Dispose();
}
