using BounceService.SubscriberState.Data;
using BounceService.SubscriberState.Reports;

namespace BounceService.SubscriberState.Endpoints;

/// <summary><c>GET /v1/reports/domains</c>: bounces per registrable recipient domain over a window.</summary>
public static class ReportEndpoints
{
    public sealed record CodeCount(string Code, long Count);

    /// <summary>Shares are of sends (deliveries plus bounces), null when no delivery was reported for the domain.</summary>
    public sealed record DomainView(
        string Domain, long HardTotal, long SoftTotal, long DistinctCodes, IReadOnlyList<CodeCount> TopCodes,
        IReadOnlyList<string> SampleReasons, long? Sends, double? HardShare, double? SoftShare);

    public sealed record DomainReportView(int Days, int MinTotal, DateTimeOffset Since, IReadOnlyList<DomainView> Domains);

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/reports/domains", DomainsAsync);
        return app;
    }

    private static async Task<IResult> DomainsAsync(StateDbContext db, TimeProvider clock, CancellationToken cancellationToken,
        int days = 7, int min_total = 50, int limit = 20, string? domain = null)
    {
        if (days is < 1 or > 366) return BadQuery("days", "days must be between 1 and 366.");
        if (min_total < 0) return BadQuery("min_total", "min_total must not be negative.");
        if (limit is < 1 or > 500) return BadQuery("limit", "limit must be between 1 and 500.");

        var since = clock.GetUtcNow().AddDays(-days);
        var rows = await DomainReport.RunAsync(db, since, min_total, limit, domain?.Trim().ToLowerInvariant(), cancellationToken);
        return TypedResults.Ok(new DomainReportView(days, min_total, since, rows.Select(View).ToList()));
    }

    private static DomainView View(DomainReport.Row r)
    {
        long? sends = r.DeliveredTotal > 0 ? r.DeliveredTotal + r.BounceTotal : null;
        return new(r.Domain, r.HardTotal, r.SoftTotal, r.DistinctCodes,
            r.TopCodes.Zip(r.TopCodeCounts, (code, count) => new CodeCount(code, count)).ToList(), r.SampleReasons,
            sends, Share(r.HardTotal, sends), Share(r.SoftTotal, sends));
    }

    internal static double? Share(long count, long? of) => of is > 0 ? Math.Round((double)count / of.Value, 4) : null;

    private static IResult BadQuery(string parameter, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: detail,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
