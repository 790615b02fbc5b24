using BounceService.Ingest.Providers;

namespace BounceService.Ingest.Endpoints;

/// <summary>
/// <c>generic</c> and <c>dsn</c> are open unless <c>Providers:Generic</c> sets a token (or basic-auth
/// credentials): then every request must carry it, as the token providers' callbacks do.
/// </summary>
public sealed class OptionalSharedSecret(IConfiguration configuration, IngestMetrics metrics, TimeProvider clock) : IEndpointFilter
{
    private readonly ProviderSettings? _settings =
        configuration.GetSection("Providers:Generic").Get<ProviderSettings>() is { HasSharedSecret: true } s ? s : null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_settings is null || !_settings.Verify) return await next(context);
        var http = context.HttpContext;
        var check = SharedSecret.Check(new ProviderRequest("generic", default, http.Request.Headers, _settings, clock.GetUtcNow(), TimeSpan.Zero));
        if (check.Succeeded) return await next(context);
        metrics.AuthFailed("generic");
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Request not authenticated", detail: check.Failure);
    }
}
