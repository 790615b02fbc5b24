using BounceService.SubscriberState.Data;
using BounceService.SubscriberState.Subscribers;
using Microsoft.EntityFrameworkCore;

namespace BounceService.SubscriberState.Endpoints;

/// <summary><c>PUT/GET /v1/sending-servers/{id}</c>: each sending server's soft-bounce retry policy.</summary>
public static class SendingServerEndpoints
{
    private const int MaxDelays = 20;

    public sealed record PolicyBody(string? RetryPolicy, string[]? Delays);
    public sealed record PolicyView(string Id, string RetryPolicy, IReadOnlyList<string> Delays, int SpamTrapHits = 0, DateTimeOffset? LastSpamTrapAt = null);

    public static IEndpointRouteBuilder MapSendingServerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/sending-servers/{id}", GetAsync);
        app.MapPut("/v1/sending-servers/{id}", PutAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(string id, StateDbContext db, CancellationToken cancellationToken)
    {
        var server = await db.SendingServers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var hits = await db.SenderFlags.AsNoTracking().Where(f => f.SendingServer == id)
            .GroupBy(f => f.SendingServer).Select(g => new { Count = g.Count(), Last = g.Max(f => f.FlaggedAt) })
            .SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(View(id, server) with { SpamTrapHits = hits?.Count ?? 0, LastSpamTrapAt = hits?.Last });
    }

    private static async Task<IResult> PutAsync(string id, PolicyBody body, StateDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var policy = body.RetryPolicy?.Trim().ToLowerInvariant();
        if (policy is null || !RetryPolicies.Names.Contains(policy))
            return Invalid($"retry_policy must be one of {string.Join(", ", RetryPolicies.Names)}.");
        var delays = new List<TimeSpan>();
        if (policy == RetryPolicies.Custom)
        {
            if (body.Delays is not { Length: > 0 and <= MaxDelays })
                return Invalid($"A custom policy needs 1 to {MaxDelays} delays such as \"01:00:00\".");
            foreach (var text in body.Delays)
            {
                if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var delay) || delay < TimeSpan.FromSeconds(1))
                    return Invalid($"Delay '{text}' is not a time span of at least one second (hh:mm:ss).");
                delays.Add(delay);
            }
        }
        else if (body.Delays is { Length: > 0 })
            return Invalid("delays are only for the custom policy.");

        // One statement, so that concurrent PUTs to a new server do not race on the insert.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO subscriber_state.sending_servers (id, retry_policy, delays, updated_at)
            VALUES ({id}, {policy}, {delays.ToArray()}, {clock.GetUtcNow()})
            ON CONFLICT (id) DO UPDATE SET retry_policy = excluded.retry_policy, delays = excluded.delays, updated_at = excluded.updated_at
            """, cancellationToken);
        return TypedResults.Ok(View(id, new SendingServer { Id = id, RetryPolicy = policy, Delays = [.. delays] }));
    }

    private static PolicyView View(string id, SendingServer? server) => new(
        id,
        server?.RetryPolicy ?? RetryPolicies.Default,
        RetryPolicies.DelaysOf(server).Select(d => d.ToString("c", System.Globalization.CultureInfo.InvariantCulture)).ToList());

    private static IResult Invalid(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid retry policy", detail: detail);
}
