using System.Data;
using BounceService.Contracts;
using BounceService.SubscriberState.Data;
using Microsoft.EntityFrameworkCore;

namespace BounceService.SubscriberState.Endpoints;

public static class SubscriberEndpoints
{
    private const int LastBounces = 10;

    public sealed record ListStatus(string ListUid, string Status, string? Cause, string? CauseEventId, DateTimeOffset? ChangedAt, int SoftBounceStreak,
        DateTimeOffset? LastActivityAt, int WatchRemaining);
    public sealed record SuppressionView(string Cause, string? EventId, DateTimeOffset Since);
    public sealed record SubscriberView(string Email, IReadOnlyList<ListStatus> Lists, SuppressionView? Suppression, IReadOnlyList<BounceView> LastBounces);

    public static IEndpointRouteBuilder MapSubscriberEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/subscribers/{email}", GetAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(string email, StateDbContext db, CancellationToken cancellationToken)
    {
        email = email.Trim().ToLowerInvariant();
        // One snapshot for the three reads, so that an event committed in between cannot show half of itself.
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var lists = await db.Subscribers.AsNoTracking()
            .Where(s => s.Email == email)
            .OrderBy(s => s.ListUid)
            .Select(s => new ListStatus(s.ListUid, s.Status, s.StatusCause, s.StatusEventId, s.StatusChangedAt, s.SoftBounceStreak, s.LastActivityAt, s.WatchRemaining))
            .ToListAsync(cancellationToken);
        var suppression = await db.Suppressions.AsNoTracking()
            .Where(s => s.Email == email)
            .Select(s => new SuppressionView(s.Cause, s.EventId, s.Since))
            .SingleOrDefaultAsync(cancellationToken);
        var bounces = await db.BounceLog.AsNoTracking()
            .Where(b => b.Email == email && b.Kind != BounceKinds.Delivered)
            .OrderByDescending(b => b.OccurredAt).ThenByDescending(b => b.Id)
            .Take(LastBounces)
            .ToListAsync(cancellationToken);

        if (lists.Count == 0 && suppression is null && bounces.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown subscriber",
                detail: "No list, suppression or bounce is recorded for this address.");
        return TypedResults.Ok(new SubscriberView(email, lists, suppression, bounces.Select(BounceView.From).ToList()));
    }
}
