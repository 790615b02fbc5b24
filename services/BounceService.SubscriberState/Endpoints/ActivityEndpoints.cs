using BounceService.SubscriberState.Alerts;
using BounceService.SubscriberState.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace BounceService.SubscriberState.Endpoints;

/// <summary><c>POST /v1/subscribers/{email}/activity</c>: the CRM saw the subscriber act (what auto-reactivation looks for).</summary>
public static class ActivityEndpoints
{
    public sealed record ActivityBody(string? ListUid, DateTimeOffset? OccurredAt);

    public static IEndpointRouteBuilder MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/subscribers/{email}/activity", RecordAsync);
        return app;
    }

    private static async Task<IResult> RecordAsync(string email, ActivityBody? body, StateDbContext db, AlertEvaluator alerts,
        IPublishEndpoint publisher, TimeProvider clock, CancellationToken cancellationToken)
    {
        email = email.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow();
        var at = (body?.OccurredAt ?? now).ToUniversalTime();
        if (at > now.AddMinutes(5))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid activity", detail: "occurred_at lies in the future.");
        var listUid = body?.ListUid;
        // Only ever moves forward, so that late reports of old activity change nothing.
        var updated = await db.Subscribers
            .Where(s => s.Email == email && (listUid == null || s.ListUid == listUid))
            .Where(s => s.LastActivityAt == null || s.LastActivityAt < at)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastActivityAt, at).SetProperty(s => s.UpdatedAt, now), cancellationToken);
        if (updated == 0 && !await db.Subscribers.AnyAsync(s => s.Email == email && (listUid == null || s.ListUid == listUid), cancellationToken))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown subscriber", detail: "No subscriber with this address (on this list).");
        // Activity reported after a hard bounce makes that bounce one to check.
        if (updated > 0)
        {
            foreach (var raised in await alerts.EvaluateSubscriberAsync(email, cancellationToken))
                await publisher.Publish(raised, cancellationToken);
        }
        return TypedResults.NoContent();
    }
}
