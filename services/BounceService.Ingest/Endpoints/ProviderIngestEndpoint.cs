using BounceService.Ingest.Providers;
using BounceService.Ingest.Publishing;
using Microsoft.Extensions.Options;

namespace BounceService.Ingest.Endpoints;

/// <summary>
/// <c>POST /v1/ingest/{provider}</c>: authenticate, read the provider's format, then the same classification
/// and publish path as <c>generic</c>. A request that carries no outcome at all is answered 200 with
/// <c>accepted: 0</c>; providers treat every 2xx as done.
/// </summary>
public static class ProviderIngestEndpoint
{
    public static IEndpointRouteBuilder MapProviderIngest(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/ingest/{provider}", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        string provider, HttpContext http, ProviderRegistry registry, EventPublisher publisher, IngestMetrics metrics,
        IOptions<IngestOptions> options, IOptions<ProvidersOptions> providerOptions, TimeProvider clock, ILoggerFactory loggers)
    {
        if (!registry.TryGet(provider, out var enabled))
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown provider",
                detail: $"No provider '{provider}' is configured on this service.");

        var limits = options.Value;
        var body = await RequestBody.ReadAsync(http.Request, limits.MaxBodyBytes, http.RequestAborted);
        if (body is null)
            return IngestResults.TooLarge(new IngestError("", $"The body is larger than {limits.MaxBodyBytes} bytes."));

        var (adapter, settings) = enabled;
        var request = new ProviderRequest(adapter.Name, body, http.Request.Headers, settings, clock.GetUtcNow(), providerOptions.Value.SignatureTolerance);
        var logger = loggers.CreateLogger(typeof(ProviderIngestEndpoint).FullName!);

        if (settings.Verify)
        {
            var auth = await adapter.Authenticator.AuthenticateAsync(request, http.RequestAborted);
            if (auth.Temporary)
            {
                logger.LogWarning("Could not authenticate a {Provider} callback for now: {Failure}", adapter.Name, auth.Failure);
                http.Response.Headers.RetryAfter = "30";
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Callback not checked", detail: auth.Failure);
            }
            if (!auth.Succeeded)
            {
                metrics.AuthFailed(adapter.Name);
                logger.LogWarning("Refused a {Provider} callback from {Remote}: {Failure}", adapter.Name, http.Connection.RemoteIpAddress, auth.Failure);
                // Some senders (SNS among them) send basic-auth credentials only after a challenge.
                if (settings.HasBasicAuth) http.Response.Headers.WWWAuthenticate = "Basic realm=\"BounceService\", charset=\"UTF-8\"";
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Callback not authenticated", detail: auth.Failure);
            }
        }

        var parsed = await adapter.Parser.ParseAsync(request, http.RequestAborted);
        foreach (var type in parsed.Ignored) metrics.Ignored(adapter.Name, type);
        if (parsed.Unavailable is not null)
        {
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not handled for now", detail: parsed.Unavailable);
        }
        if (parsed.Errors.Count > 0) return IngestResults.Invalid(parsed.Errors);
        if (parsed.Events.Count > limits.MaxEventsPerRequest)
            return IngestResults.TooLarge(new IngestError("", $"The request holds {parsed.Events.Count} events; at most {limits.MaxEventsPerRequest} are accepted per request."));
        if (parsed.Events.Count == 0)
            return TypedResults.Ok(IngestResponse.From([]));

        var now = request.Now;
        var events = parsed.Events.Select(e => BounceMessages.Create(e, now)).ToList();
        return await IngestResults.PublishAsync(http, publisher, events);
    }
}
