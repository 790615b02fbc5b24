using BounceService.WebhookDispatch.Data;
using Microsoft.EntityFrameworkCore;

namespace BounceService.WebhookDispatch.Delivery;

/// <summary><c>/v1/webhook-deliveries</c>: what was sent where, every attempt, and replay.</summary>
public static class DeliveryApi
{
    private const int MaxLimit = 500;

    public sealed record AttemptView(DateTimeOffset At, int? StatusCode, int LatencyMs, string? Error, string? ResponseExcerpt);

    public sealed record DeliveryView(Guid Id, Guid EndpointId, string MessageId, string EventType, string Status, int Attempts,
        DateTimeOffset NextAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? SucceededAt,
        IReadOnlyList<AttemptView> AttemptLog)
    {
        public static DeliveryView Of(WebhookDelivery d) => new(d.Id, d.EndpointId, d.MessageId, d.EventType, d.Status, d.Attempts,
            d.NextAttemptAt, d.LastStatusCode, d.LastError, d.CreatedAt, d.SucceededAt,
            d.AttemptLog.OrderBy(a => a.Id).Select(a => new AttemptView(a.At, a.StatusCode, a.LatencyMs, a.Error, a.ResponseExcerpt)).ToList());
    }

    public sealed record Page(IReadOnlyList<DeliveryView> Items, string? NextCursor);

    public static IEndpointRouteBuilder MapWebhookDeliveryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/webhook-deliveries", ListAsync);
        app.MapPost("/v1/webhook-deliveries/{id:guid}/replay", ReplayAsync);
        return app;
    }

    /// <summary>
    /// Newest first, in pages: <c>next_cursor</c> names the last row shown (created time and id), and the next page
    /// starts strictly after it, so rows added meanwhile (always newer) neither repeat nor push rows out of later pages.
    /// </summary>
    private static async Task<IResult> ListAsync(WebhookDbContext db, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "endpoint_id")] Guid? endpointId, string? status, DateTimeOffset? since, int? limit,
        string? cursor, CancellationToken cancellationToken)
    {
        if (status is not (null or DeliveryStatuses.Pending or DeliveryStatuses.Succeeded or DeliveryStatuses.Dead))
            return Invalid("status must be pending, succeeded or dead.");
        if (limit is < 1 or > MaxLimit) return Invalid($"limit must be between 1 and {MaxLimit}.");
        DeliveryCursor? after = null;
        if (cursor is not null && (after = DeliveryCursor.Parse(cursor)) is null) return Invalid("cursor is not one this API returned.");

        var query = db.Deliveries.AsNoTracking().Include(d => d.AttemptLog).AsQueryable();
        if (endpointId is { } endpoint) query = query.Where(d => d.EndpointId == endpoint);
        if (status is not null) query = query.Where(d => d.Status == status);
        if (since is { } from) query = query.Where(d => d.CreatedAt >= from);
        if (after is { } a) query = query.Where(d => EF.Functions.LessThan(ValueTuple.Create(d.CreatedAt, d.Id), ValueTuple.Create(a.CreatedAt, a.Id)));
        var take = limit ?? 100;
        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(take + 1).AsSplitQuery().ToListAsync(cancellationToken);
        var next = rows.Count > take ? new DeliveryCursor(rows[take - 1].CreatedAt, rows[take - 1].Id).ToString() : null;
        return TypedResults.Ok(new Page(rows.Take(take).Select(DeliveryView.Of).ToList(), next));
    }

    /// <summary>Sends the delivery again at once, on a fresh schedule, with the same <c>webhook-id</c>.</summary>
    private static async Task<IResult> ReplayAsync(Guid id, WebhookDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = await db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatuses.Pending)
            .SetProperty(d => d.Attempts, 0).SetProperty(d => d.NextAttemptAt, now).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        return changed == 0
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No such webhook delivery.")
            : TypedResults.Accepted((string?)null, new { id, status = DeliveryStatuses.Pending });
    }

    private static IResult Invalid(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: detail);
}
