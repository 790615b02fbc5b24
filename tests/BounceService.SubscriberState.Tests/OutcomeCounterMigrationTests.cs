using BounceService.SubscriberState.Data;
using BounceService.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace BounceService.SubscriberState.Tests;

/// <summary>
/// The migration that adds the outcome counters counts the bounce log rows written before it, and the trigger
/// counts those after it, each once. Runs on a database of its own, migrated step by step as production was.
/// </summary>
public sealed class OutcomeCounterMigrationTests : IAsyncLifetime
{
    private const string BeforeCounters = "20261204212929_CampaignSendsAndAlerts";
    private readonly TestInfrastructure _infrastructure = new();
    private readonly string _database = $"state_migration_{Guid.NewGuid():N}";
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        await AdminAsync($"CREATE DATABASE {_database}");
        _connectionString = new NpgsqlConnectionStringBuilder(_infrastructure.Postgres) { Database = _database, Pooling = false }.ConnectionString;
    }

    [Fact]
    public async Task Rows_written_before_the_counters_are_counted_once_and_later_rows_by_the_trigger()
    {
        await using var db = Context();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(BeforeCounters);

        await InsertAsync(db, "c1", "l1", "hard", "userunknown", "5.1.1", "2026-11-30T23:30:00Z");
        await InsertAsync(db, "c1", "l1", "hard", "userunknown", "5.1.1", "2026-12-01T00:30:00Z");
        await InsertAsync(db, "c1", null, "soft", "mailboxfull", "4.2.2", "2026-12-01T01:00:00Z");
        await InsertAsync(db, null, "l1", "hard", "userunknown", "5.1.1", "2026-12-01T02:00:00Z");

        await migrator.MigrateAsync();

        Assert.Equal(2, await CampaignCountAsync(db, "c1", "hard", "5.1.1"));
        Assert.Equal(1, await CampaignCountAsync(db, "c1", "soft", "4.2.2"));
        Assert.Equal(1, await ListCountAsync(db, "l1", new DateOnly(2026, 11, 30), "hard"));
        Assert.Equal(2, await ListCountAsync(db, "l1", new DateOnly(2026, 12, 1), "hard"));

        // After the migration, the trigger counts each new row (over its shards) on top of the earlier ones.
        await InsertAsync(db, "c1", "l1", "hard", "userunknown", "5.1.1", "2026-12-01T03:00:00Z");
        Assert.Equal(3, await CampaignCountAsync(db, "c1", "hard", "5.1.1"));
        Assert.Equal(3, await ListCountAsync(db, "l1", new DateOnly(2026, 12, 1), "hard"));
    }

    private StateDbContext Context()
    {
        var options = new DbContextOptionsBuilder<StateDbContext>();
        options.UseStateDatabase(_connectionString);
        return new StateDbContext(options.Options);
    }

    private static Task InsertAsync(StateDbContext db, string? campaign, string? list, string kind, string reason, string dsn, string at) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO subscriber_state.bounce_log (event_id, provider, event_type, email, list_uid, campaign_uid, kind,
                dsn_code, reason, scope, occurred_at, received_at)
            VALUES ({Guid.NewGuid().ToString("N")}, 'generic', 'bounce', 'a@example.com', {list}, {campaign}, {kind},
                {dsn}, {reason}, 'recipient', {DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)}, now())
            """);

    private static Task<long> CampaignCountAsync(StateDbContext db, string campaign, string kind, string dsn) =>
        db.CampaignOutcomeCounts.Where(c => c.CampaignUid == campaign && c.Kind == kind && c.DsnCode == dsn).SumAsync(c => c.Count);

    private static Task<long> ListCountAsync(StateDbContext db, string list, DateOnly day, string kind) =>
        db.ListDailyOutcomeCounts.Where(c => c.ListUid == list && c.Day == day && c.Kind == kind).SumAsync(c => c.Count);

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await AdminAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        await _infrastructure.DisposeAsync();
    }
}
