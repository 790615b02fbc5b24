using BounceService.SubscriberState.Subscribers;
using MassTransit;

namespace BounceService.SubscriberState.Endpoints;

/// <summary>Manual reactivation, one subscriber or many; every row must carry its own evidence.</summary>
public static class ReactivationEndpoints
{
    private const int MaxBulk = 1000;

    public sealed record ReactivateBody(string? ListUid, Reactivator.Evidence? Evidence);
    public sealed record BulkItem(string? Email, string? ListUid, Reactivator.Evidence? Evidence);
    public sealed record BulkBody(BulkItem[]? Items);
    public sealed record BulkResult(int Index, string? Email, string? ListUid, string Result, string? Detail);

    public static IEndpointRouteBuilder MapReactivationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/subscribers/{email}/reactivate", ReactivateAsync);
        app.MapPost("/v1/subscribers/reactivate", ReactivateManyAsync);
        return app;
    }

    private static async Task<IResult> ReactivateAsync(string email, ReactivateBody body, Reactivator reactivator, IPublishEndpoint bus, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.ListUid)) return Problem(StatusCodes.Status400BadRequest, "list_uid is required.");
        if (Reactivator.Problem(body.Evidence) is { } missing) return Problem(StatusCodes.Status422UnprocessableEntity, missing);

        var (outcome, change) = await reactivator.ReactivateAsync(email, body.ListUid, body.Evidence, cancellationToken);
        switch (outcome)
        {
            case Reactivator.Outcome.NotFound:
                return Problem(StatusCodes.Status404NotFound, "No such subscriber on this list.");
            case Reactivator.Outcome.NotBounced:
                return Problem(StatusCodes.Status409Conflict, "Only a bounced subscriber can be reactivated.");
        }
        await bus.Publish(StatusMoves.ToMessage(change!, null), cancellationToken);
        return TypedResults.Ok(new { email = change!.Email, list_uid = change.ListUid, status = change.NewStatus, cause = change.Cause });
    }

    /// <summary>Rows without evidence are refused one by one; the others are reactivated.</summary>
    private static async Task<IResult> ReactivateManyAsync(BulkBody body, Reactivator reactivator, IPublishEndpoint bus, CancellationToken cancellationToken)
    {
        if (body.Items is not { Length: > 0 and <= MaxBulk })
            return Problem(StatusCodes.Status400BadRequest, $"items must hold 1 to {MaxBulk} rows.");
        var results = new List<BulkResult>();
        foreach (var (item, index) in body.Items.Select((item, index) => (item, index)))
        {
            if (string.IsNullOrWhiteSpace(item.Email) || string.IsNullOrWhiteSpace(item.ListUid))
            {
                results.Add(new(index, item.Email, item.ListUid, "rejected", "email and list_uid are required."));
                continue;
            }
            if (Reactivator.Problem(item.Evidence) is { } missing)
            {
                results.Add(new(index, item.Email, item.ListUid, "rejected", missing));
                continue;
            }
            var (outcome, change) = await reactivator.ReactivateAsync(item.Email, item.ListUid, item.Evidence, cancellationToken);
            if (change is not null) await bus.Publish(StatusMoves.ToMessage(change, null), cancellationToken);
            results.Add(new(index, item.Email, item.ListUid, outcome == Reactivator.Outcome.Reactivated ? "reactivated" : "rejected",
                outcome switch
                {
                    Reactivator.Outcome.NotFound => "No such subscriber on this list.",
                    Reactivator.Outcome.NotBounced => "Only a bounced subscriber can be reactivated.",
                    _ => null,
                }));
        }
        return TypedResults.Ok(new { reactivated = results.Count(r => r.Result == "reactivated"), rejected = results.Count(r => r.Result == "rejected"), results });
    }

    private static IResult Problem(int status, string detail) =>
        TypedResults.Problem(statusCode: status, title: "Reactivation refused", detail: detail);
}
