using System.Security.Cryptography;
using System.Text;

namespace BounceService.Ingest.Providers;

/// <summary>
/// Basic auth or a bearer/header token, for providers that sign nothing (Postmark, Mailjet, SparkPost, Brevo)
/// and for SNS raw message delivery. Every comparison takes the same time whatever the input.
/// </summary>
public sealed class SharedSecretAuthenticator : IWebhookAuthenticator
{
    public static readonly SharedSecretAuthenticator Instance = new();

    public string? Validate(ProviderSettings settings) => settings.HasSharedSecret
        ? null
        : "needs Username and Password (basic auth) or Token (bearer or header token)";

    public ValueTask<AuthResult> AuthenticateAsync(ProviderRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(SharedSecret.Check(request));
}

public static class SharedSecret
{
    public static AuthResult Check(ProviderRequest request)
    {
        var settings = request.Settings;
        if (!settings.HasSharedSecret)
            return AuthResult.Fail("No credentials are configured for this provider.");

        var authorization = request.Header("Authorization");
        if (settings.HasBasicAuth && authorization is not null && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var given = DecodeBasic(authorization["Basic ".Length..].Trim());
            return given is not null && FixedTimeEquals(given, $"{settings.Username}:{settings.Password}")
                ? AuthResult.Success
                : AuthResult.Fail("The basic-auth credentials are wrong.");
        }
        if (!string.IsNullOrEmpty(settings.Token))
        {
            if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                return FixedTimeEquals(authorization["Bearer ".Length..].Trim(), settings.Token)
                    ? AuthResult.Success
                    : AuthResult.Fail("The bearer token is wrong.");
            if (request.Header(settings.TokenHeader) is { } token)
                return FixedTimeEquals(token.Trim(), settings.Token)
                    ? AuthResult.Success
                    : AuthResult.Fail($"The {settings.TokenHeader} token is wrong.");
        }
        return AuthResult.Fail("The request carries no credentials.");
    }

    /// <summary>Compares hashes, so that neither the content nor the length of the secret leaks through timing.</summary>
    public static bool FixedTimeEquals(string given, string expected) => CryptographicOperations.FixedTimeEquals(
        SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static string? DecodeBasic(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }
}
