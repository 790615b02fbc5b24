namespace BounceService.Ingest.Providers;

/// <summary>
/// One ESP: how its callbacks are authenticated and how they are read.
/// </summary>
/// <param name="Name">The route segment: <c>/v1/ingest/{Name}</c>.</param>
/// <param name="Section">The configuration section under <c>Providers</c>.</param>
public sealed record WebhookProvider(string Name, string Section, IWebhookAuthenticator Authenticator, IWebhookParser Parser);

public interface IWebhookAuthenticator
{
    /// <summary>What is missing from <paramref name="settings"/> to authenticate at all, or null.</summary>
    string? Validate(ProviderSettings settings);

    ValueTask<AuthResult> AuthenticateAsync(ProviderRequest request, CancellationToken cancellationToken);
}

public interface IWebhookParser
{
    /// <summary>Called only for authenticated requests.</summary>
    ValueTask<ParseResult> ParseAsync(ProviderRequest request, CancellationToken cancellationToken);
}

/// <param name="Failure">Why the request was refused; said in the 401 answer.</param>
/// <param name="Temporary">The check itself could not be made for now (a certificate download failed): answer 503.</param>
public sealed record AuthResult(string? Failure, bool Temporary = false)
{
    public static readonly AuthResult Success = new((string?)null);

    public bool Succeeded => Failure is null;

    public static AuthResult Fail(string failure) => new(failure);

    public static AuthResult Unavailable(string failure) => new(failure, Temporary: true);
}
