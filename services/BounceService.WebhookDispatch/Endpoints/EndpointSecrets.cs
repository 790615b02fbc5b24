using System.Security.Cryptography;
using BounceService.WebhookDispatch.Data;
using Microsoft.AspNetCore.DataProtection;

namespace BounceService.WebhookDispatch.Endpoints;

/// <summary>Generates <c>whsec_</c> secrets and keeps them encrypted at rest (Data Protection, keys in the same database).</summary>
public sealed class EndpointSecrets(IDataProtectionProvider provider, TimeProvider clock)
{
    private readonly IDataProtector _protector = provider.CreateProtector("BounceService.WebhookDispatch.EndpointSecrets");

    public static string Generate() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The secrets to sign with now: the current one, and the previous one while its overlap lasts.</summary>
    public IReadOnlyList<string> ValidNow(WebhookEndpoint endpoint)
    {
        var secrets = new List<string>(2);
        if (endpoint.Secret is not null) secrets.Add(_protector.Unprotect(endpoint.Secret));
        if (endpoint.PreviousSecret is not null && endpoint.PreviousSecretUntil > clock.GetUtcNow())
            secrets.Add(_protector.Unprotect(endpoint.PreviousSecret));
        return secrets;
    }
}
