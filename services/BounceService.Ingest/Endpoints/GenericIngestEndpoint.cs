using BounceService.Ingest.Providers;
using BounceService.Ingest.Providers.Generic;
using BounceService.Ingest.Publishing;
using Microsoft.Extensions.Options;

namespace BounceService.Ingest.Endpoints;

public static class GenericIngestEndpoint
{
    public static IEndpointRouteBuilder MapGenericIngest(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/ingest/generic", HandleAsync).AddEndpointFilter<OptionalSharedSecret>();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, EventPublisher publisher, IOptions<IngestOptions> options, TimeProvider clock)
    {
        var limits = options.Value;
        var body = await RequestBody.ReadAsync(http.Request, limits.MaxBodyBytes, http.RequestAborted);
        if (body is null)
            return IngestResults.TooLarge(new IngestError("", $"The body is larger than {limits.MaxBodyBytes} bytes."));

        var parsed = GenericParser.Parse(body, limits.MaxEventsPerRequest);
        if (parsed.TooMany) return IngestResults.TooLarge(parsed.Errors[0]);
        if (parsed.Errors.Count > 0) return IngestResults.Invalid(parsed.Errors);

        var now = clock.GetUtcNow();
        var events = parsed.Events.Select(e => BounceMessages.Create(e, now)).ToList();
        return await IngestResults.PublishAsync(http, publisher, events);
    }
}
