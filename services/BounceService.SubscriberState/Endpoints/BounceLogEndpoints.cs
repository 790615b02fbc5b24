using System.Globalization;
using System.Text;
using BounceService.Contracts;
using BounceService.SubscriberState.Data;
using Microsoft.EntityFrameworkCore;

namespace BounceService.SubscriberState.Endpoints;

public static class BounceLogEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;
    private static readonly HashSet<string> Types =
        [BounceKinds.Hard, BounceKinds.Soft, BounceKinds.Complaint, BounceKinds.Undetermined, BounceKinds.Delivered];

    public sealed record Page(IReadOnlyList<BounceView> Items, string? NextCursor);

    public static IEndpointRouteBuilder MapBounceLogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/bounces", ListAsync);
        return app;
    }

    /// <summary>The bounce log newest first; <c>type</c> filters by kind (deliveries only when asked for).</summary>
    private static async Task<IResult> ListAsync(StateDbContext db, CancellationToken cancellationToken,
        string? campaign_uid = null, string? email = null, string? type = null, int? limit = null, string? cursor = null)
    {
        if (type is not null && !Types.Contains(type))
            return BadQuery("type", $"type must be one of {string.Join(", ", Types)}.");
        if (limit is < 1 or > MaxLimit)
            return BadQuery("limit", $"limit must be between 1 and {MaxLimit}.");
        (DateTimeOffset At, long Id)? after = null;
        if (cursor is not null)
        {
            after = DecodeCursor(cursor);
            if (after is null) return BadQuery("cursor", "cursor is not one this API returned.");
        }

        var query = db.BounceLog.AsNoTracking();
        if (campaign_uid is not null) query = query.Where(b => b.CampaignUid == campaign_uid);
        if (email is not null)
        {
            var address = email.Trim().ToLowerInvariant();
            query = query.Where(b => b.Email == address);
        }
        query = type is null ? query.Where(b => b.Kind != BounceKinds.Delivered) : query.Where(b => b.Kind == type);
        if (after is { } a) query = query.Where(b => b.OccurredAt < a.At || (b.OccurredAt == a.At && b.Id < a.Id));

        var take = limit ?? DefaultLimit;
        var rows = await query.OrderByDescending(b => b.OccurredAt).ThenByDescending(b => b.Id)
            .Take(take + 1).ToListAsync(cancellationToken);
        var next = rows.Count > take ? EncodeCursor(rows[take - 1]) : null;
        return TypedResults.Ok(new Page(rows.Take(take).Select(BounceView.From).ToList(), next));
    }

    private static string EncodeCursor(BounceLogEntry last) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{last.OccurredAt.UtcTicks}:{last.Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (DateTimeOffset, long)? DecodeCursor(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && ticks is >= 0 and <= 3155378975999999999)
                return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }
        catch (FormatException)
        {
        }
        return null;
    }

    private static IResult BadQuery(string parameter, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: detail,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
