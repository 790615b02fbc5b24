using BounceService.SubscriberState.Data;
using Microsoft.EntityFrameworkCore;

namespace BounceService.SubscriberState.Endpoints;

/// <summary><c>GET /v1/alerts</c>: standing alerts (and cleared ones on request), last seen first.</summary>
public static class AlertEndpoints
{
    public sealed record AlertView(
        string Key, string Rule, string Scope, string Subject, long Count, long Total, double Rate, double Threshold,
        string Fix, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? ClearedAt);

    public sealed record AlertPage(IReadOnlyList<AlertView> Items);

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/alerts", ListAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(StateDbContext db, CancellationToken cancellationToken,
        bool include_cleared = false, string? subject = null, int limit = 100)
    {
        if (limit is < 1 or > 500)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query",
                detail: "limit must be between 1 and 500.", extensions: new Dictionary<string, object?> { ["parameter"] = "limit" });
        var query = db.Alerts.AsNoTracking();
        if (!include_cleared) query = query.Where(a => a.ClearedAt == null);
        if (subject is not null) query = query.Where(a => a.Subject == subject);
        var alerts = await query.OrderByDescending(a => a.LastSeenAt).ThenBy(a => a.Id).Take(limit)
            .Select(a => new AlertView(a.Key, a.Rule, a.Scope, a.Subject, a.Count, a.Total, a.Rate, a.Threshold, a.Fix,
                a.FirstSeenAt, a.LastSeenAt, a.ClearedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new AlertPage(alerts));
    }
}
