using BounceService.Contracts;
using BounceService.Ingest.Providers;
using BounceService.Ingest.Publishing;
using BounceService.ServiceDefaults;

namespace BounceService.Ingest.Endpoints;

/// <summary>The answers every ingest endpoint shares, so that all providers fail and succeed alike.</summary>
public static class IngestResults
{
    /// <summary>202 once the broker confirmed every event; 503 (retry) otherwise.</summary>
    public static async Task<IResult> PublishAsync(HttpContext http, EventPublisher publisher, IReadOnlyList<BounceClassified> events)
    {
        if (!await publisher.TryPublishAsync(events, http.RequestAborted))
        {
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Events not stored",
                detail: "The message broker did not confirm the events, so none is acknowledged. Retry the request.");
        }
        foreach (var e in events) BounceMetrics.EventIngested(e.Provider, e.Kind);
        return TypedResults.Json(IngestResponse.From(events), statusCode: StatusCodes.Status202Accepted);
    }

    public static IResult Invalid(IReadOnlyList<IngestError> errors) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid ingest request",
        detail: errors[0].Detail + (errors.Count > 1 ? $" ({errors.Count - 1} more problem(s) in 'errors'.)" : ""),
        extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static IResult TooLarge(IngestError error) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request too large",
        detail: error.Detail,
        extensions: new Dictionary<string, object?> { ["errors"] = new[] { error } });
}
