using BounceService.SubscriberState.Data;
using Microsoft.EntityFrameworkCore;

namespace BounceService.SubscriberState.Domains;

/// <summary>
/// Fills <c>recipient_domain</c> on bounce-log rows written before the column existed, once at start. The registrable
/// domain needs the Public Suffix List, so it is computed here rather than in SQL, in batches of one short transaction
/// each. Rows are taken with <c>FOR UPDATE SKIP LOCKED</c> and only NULLs are written, so several replicas share the
/// work and a restart simply goes on. An address without a domain stays NULL; the id cursor steps past it.
/// </summary>
public sealed class RecipientDomainBackfill(IServiceScopeFactory scopes, ILogger<RecipientDomainBackfill> logger) : BackgroundService
{
    public const int BatchSize = 1000;

    private sealed record Row(long Id, string Email);

    /// <returns>How many rows this call filled.</returns>
    public async Task<long> RunAsync(int batchSize, CancellationToken cancellationToken)
    {
        long filled = 0, after = 0;
        while (await FillBatchAsync(after, batchSize, cancellationToken) is { } batch)
        {
            (after, filled) = (batch.LastId, filled + batch.Filled);
        }
        return filled;
    }

    /// <summary>The next batch after id <paramref name="after"/>; null when no row is left.</summary>
    private async Task<(long LastId, int Filled)?> FillBatchAsync(long after, int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StateDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Index ix_bounce_log_missing_recipient_domain: only the rows still missing it are read.
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT id, email FROM subscriber_state.bounce_log
            WHERE recipient_domain IS NULL AND id > {after}
            ORDER BY id LIMIT {batchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (rows.Count == 0) return null;

        var domains = rows.Select(r => (r.Id, Domain: RegistrableDomain.OfEmail(r.Email))).Where(r => r.Domain is not null).ToList();
        var ids = domains.Select(d => d.Id).ToArray();
        var names = domains.Select(d => d.Domain!).ToArray();
        var filled = await db.Database.ExecuteSqlAsync($"""
            UPDATE subscriber_state.bounce_log b SET recipient_domain = v.domain
            FROM unnest({ids}, {names}) AS v(id, domain)
            WHERE b.id = v.id AND b.recipient_domain IS NULL
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (rows[^1].Id, filled);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var filled = await RunAsync(BatchSize, stoppingToken);
            if (filled > 0) logger.LogInformation("Filled the recipient domain of {Count} earlier bounce-log row(s)", filled);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Harmless to leave: the next start goes on where this one stopped.
            logger.LogWarning(ex, "Filling the recipient domain of earlier bounce-log rows failed");
        }
    }
}
