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

    public static IEndpointRouteBuilder MapWebhookDeliveryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/webhook-deliveries", ListAsync);
        app.MapPost("/v1/webhook-deliveries/{id:guid}/replay", ReplayAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(WebhookDbContext db, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "endpoint_id")] Guid? endpointId, string? status, DateTimeOffset? since, int? limit,
        CancellationToken cancellationToken)
    {
        if (status is not (null or DeliveryStatuses.Pending or DeliveryStatuses.Succeeded or DeliveryStatuses.Dead))
            return Invalid("status must be pending, succeeded or dead.");
        if (limit is < 1 or > MaxLimit) return Invalid($"limit must be between 1 and {MaxLimit}.");
        var query = db.Deliveries.AsNoTracking().Include(d => d.AttemptLog).AsQueryable();
        if (endpointId is { } endpoint) query = query.Where(d => d.EndpointId == endpoint);
        if (status is not null) query = query.Where(d => d.Status == status);
        if (since is { } from) query = query.Where(d => d.CreatedAt >= from);
        var rows = await query.OrderByDescending(d => d.CreatedAt).Take(limit ?? 100).AsSplitQuery().ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(DeliveryView.Of));
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
