using BounceService.Contracts;
using BounceService.SubscriberState.Alerts;
using BounceService.SubscriberState.Campaigns;
using BounceService.SubscriberState.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace BounceService.SubscriberState.Endpoints;

/// <summary><c>POST /v1/campaigns/{uid}/sends</c> and <c>GET /v1/campaigns/{uid}/stats</c>: campaign rates.</summary>
public static class CampaignEndpoints
{
    public sealed record SendsBody(long? Count);
    public sealed record SendsView(string CampaignUid, long Count, DateTimeOffset UpdatedAt);
    public sealed record RateView(string Key, long Count, double? Rate);
    public sealed record StatsView(
        string CampaignUid, long Sends, long? ExplicitSends, long ObservedSends, long Bounces,
        IReadOnlyList<RateView> ByKind, IReadOnlyList<RateView> ByReason, IReadOnlyList<RateView> ByCode);

    public static IEndpointRouteBuilder MapCampaignEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/campaigns/{uid}/sends", PostSendsAsync);
        app.MapGet("/v1/campaigns/{uid}/stats", StatsAsync);
        return app;
    }

    /// <summary>Sets (not adds to) the campaign's sends count, so that a repeated POST changes nothing.</summary>
    private static async Task<IResult> PostSendsAsync(string uid, SendsBody body, StateDbContext db, AlertEvaluator alerts,
        IPublishEndpoint publisher, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (body.Count is not >= 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid sends count",
                detail: "count must be a number of messages sent, zero or more.");
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO subscriber_state.campaign_sends (campaign_uid, count, updated_at) VALUES ({uid}, {body.Count.Value}, {now})
            ON CONFLICT (campaign_uid) DO UPDATE SET count = excluded.count, updated_at = excluded.updated_at
            """, cancellationToken);
        // More sends lower the rates (an alert may clear); fewer raise them.
        foreach (var raised in await alerts.EvaluateCampaignAsync(uid, cancellationToken))
            await publisher.Publish(raised, cancellationToken);
        return TypedResults.Ok(new SendsView(uid, body.Count.Value, now));
    }

    private static async Task<IResult> StatsAsync(string uid, StateDbContext db, CancellationToken cancellationToken)
    {
        var stats = await CampaignStats.LoadAsync(db, uid, cancellationToken);
        if (stats.IsEmpty)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown campaign",
                detail: $"No outcomes and no sends count for campaign {uid}.");
        var sends = stats.Sends;
        List<RateView> By(Func<CampaignStats.Group, string?> key, bool bouncesOnly) => stats.Groups
            .Where(g => !bouncesOnly || g.Kind != BounceKinds.Delivered)
            .GroupBy(g => key(g) ?? "(none)")
            .Select(g => new RateView(g.Key, g.Sum(x => x.Count), ReportEndpoints.Share(g.Sum(x => x.Count), sends)))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new StatsView(uid, sends, stats.ExplicitSends, stats.ObservedSends, stats.Bounces,
            By(g => g.Kind, false), By(g => g.Reason, true), By(g => g.DsnCode, true)));
    }
}
