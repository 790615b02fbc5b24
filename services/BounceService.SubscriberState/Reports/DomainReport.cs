using BounceService.SubscriberState.Data;
using Microsoft.EntityFrameworkCore;

namespace BounceService.SubscriberState.Reports;

/// <summary>
/// The guide's per-domain bounce mining as one query: bounces grouped by the recipient's registrable domain
/// (stored at write time in <c>recipient_domain</c>), with sends known only where deliveries are reported.
/// </summary>
public static class DomainReport
{
    public const int TopCodes = 5;
    public const int SampleReasons = 5;
    public const int SampleLength = 120;

    /// <summary>One domain's raw numbers as the query returns them.</summary>
    public sealed record Row(
        string Domain, long HardTotal, long SoftTotal, long DeliveredTotal, long BounceTotal, long DistinctCodes,
        string[] TopCodes, long[] TopCodeCounts, string[] SampleReasons);

    /// <summary>
    /// Plan (EXPLAIN, PostgreSQL 15): the CTE <c>w</c> is read once (MATERIALIZED: it feeds the totals, the codes
    /// and the samples), by a scan of <c>ix_bounce_log_recipient_domain_occurred_at</c>. With <c>domain</c> it is a
    /// range scan (Index Cond: recipient_domain = $1 AND occurred_at &gt;= $2); without it the whole index is walked in
    /// domain order with <c>occurred_at &gt;= $2</c> checked in the index (no skip scan before PostgreSQL 18), which
    /// feeds GroupAggregate without a sort. When the window is a small part of a large table the planner may take
    /// <c>ix_bounce_log_occurred_at_id</c> (range) + HashAggregate instead; both read only the window's rows. Codes
    /// and samples are aggregated only for the domains that passed <c>min_total</c> and <c>limit</c>. Cost grows with
    /// the rows in the window (deliveries included); past tens of millions of rows per window the next step is a
    /// daily rollup (domain, day, kind, dsn_code, count) kept by the recorder and read by the same query shape.
    /// </summary>
    public static Task<List<Row>> RunAsync(StateDbContext db, DateTimeOffset since, int minTotal, int limit, string? domain,
        CancellationToken cancellationToken) =>
        db.Database.SqlQuery<Row>($"""
            WITH w AS MATERIALIZED (
                SELECT recipient_domain AS domain, kind, dsn_code, left(coalesce(diagnostic, reason), {SampleLength}) AS text, occurred_at
                FROM subscriber_state.bounce_log
                WHERE recipient_domain IS NOT NULL AND occurred_at >= {since}
                  AND ({domain}::text IS NULL OR recipient_domain = {domain}::text)
            ),
            totals AS (
                SELECT domain,
                       count(*) FILTER (WHERE kind = 'hard') AS hard_total,
                       count(*) FILTER (WHERE kind = 'soft') AS soft_total,
                       count(*) FILTER (WHERE kind = 'delivered') AS delivered_total,
                       count(*) FILTER (WHERE kind IN ('hard', 'soft', 'undetermined')) AS bounce_total,
                       count(DISTINCT dsn_code) FILTER (WHERE kind IN ('hard', 'soft')) AS distinct_codes
                FROM w
                GROUP BY domain
                HAVING count(*) FILTER (WHERE kind IN ('hard', 'soft')) >= {minTotal}
                ORDER BY hard_total DESC, soft_total DESC, domain
                LIMIT {limit}
            ),
            codes AS (
                SELECT domain, dsn_code, count(*) AS n,
                       row_number() OVER (PARTITION BY domain ORDER BY count(*) DESC, dsn_code) AS rank
                FROM w
                WHERE kind IN ('hard', 'soft') AND dsn_code IS NOT NULL AND domain IN (SELECT domain FROM totals)
                GROUP BY domain, dsn_code
            ),
            samples AS (
                SELECT domain, text,
                       row_number() OVER (PARTITION BY domain ORDER BY max(occurred_at) DESC, text) AS rank
                FROM w
                WHERE kind IN ('hard', 'soft') AND domain IN (SELECT domain FROM totals)
                GROUP BY domain, text
            )
            SELECT t.domain, t.hard_total, t.soft_total, t.delivered_total, t.bounce_total, t.distinct_codes,
                   coalesce((SELECT array_agg(c.dsn_code ORDER BY c.rank) FROM codes c WHERE c.domain = t.domain AND c.rank <= {TopCodes}), ARRAY[]::text[]) AS top_codes,
                   coalesce((SELECT array_agg(c.n ORDER BY c.rank) FROM codes c WHERE c.domain = t.domain AND c.rank <= {TopCodes}), ARRAY[]::bigint[]) AS top_code_counts,
                   coalesce((SELECT array_agg(s.text ORDER BY s.rank) FROM samples s WHERE s.domain = t.domain AND s.rank <= {SampleReasons}), ARRAY[]::text[]) AS sample_reasons
            FROM totals t
            ORDER BY t.hard_total DESC, t.soft_total DESC, t.domain
            """).ToListAsync(cancellationToken);
}
