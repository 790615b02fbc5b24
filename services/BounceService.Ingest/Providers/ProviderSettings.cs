namespace BounceService.Ingest.Providers;

/// <summary>
/// One provider's section, <c>Providers:&lt;Name&gt;</c>. The provider is enabled when the section exists; which
/// keys it needs depends on how the provider authenticates its callbacks.
/// </summary>
public sealed class ProviderSettings
{
    /// <summary>False switches authentication off for this provider (local testing only; logged at start).</summary>
    public bool Verify { get; set; } = true;

    /// <summary>Basic-auth user name, with <see cref="Password"/>.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>A shared secret sent as <c>Authorization: Bearer</c> or in the <see cref="TokenHeader"/> header.</summary>
    public string? Token { get; set; }

    /// <summary>The header that carries <see cref="Token"/> when it is not sent as a bearer token.</summary>
    public string TokenHeader { get; set; } = "X-Webhook-Token";

    /// <summary>Mailgun's HTTP webhook signing key.</summary>
    public string? SigningKey { get; set; }

    /// <summary>SendGrid: base64 DER SubjectPublicKeyInfo. Postal: PEM (or the bare base64 of its DKIM record).</summary>
    public string? PublicKey { get; set; }

    /// <summary>Resend (Svix) endpoint secret, <c>whsec_...</c>.</summary>
    public string? Secret { get; set; }

    /// <summary>SES: the SNS topics whose messages are accepted.</summary>
    public List<string> TopicArns { get; set; } = [];

    public bool HasBasicAuth => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);

    public bool HasSharedSecret => HasBasicAuth || !string.IsNullOrEmpty(Token);
}
