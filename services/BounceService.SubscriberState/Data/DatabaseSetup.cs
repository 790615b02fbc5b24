using Microsoft.EntityFrameworkCore;

namespace BounceService.SubscriberState.Data;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Postgres";
    public static readonly TimeSpan MigrationTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Npgsql with the schema's own migrations history table and snake_case names.</summary>
    public static DbContextOptionsBuilder UseStateDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", StateDbContext.Schema))
            .UseSnakeCaseNamingConvention();

    /// <summary>Applies pending migrations (the one-shot <c>migrate</c> mode).</summary>
    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<StateDbContext>().Database;
        // Some migrations count or index the whole bounce log: more than the 30-second default on a large one.
        database.SetCommandTimeout(MigrationTimeout);
        await database.MigrateAsync(cancellationToken);
    }
}
