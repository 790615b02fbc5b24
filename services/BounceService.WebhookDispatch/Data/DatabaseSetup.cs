using Microsoft.EntityFrameworkCore;

namespace BounceService.WebhookDispatch.Data;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Postgres";

    /// <summary>Npgsql with the schema's own migrations history table and snake_case names.</summary>
    public static DbContextOptionsBuilder UseWebhookDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", WebhookDbContext.Schema))
            .UseSnakeCaseNamingConvention();

    /// <summary>Applies pending migrations (the one-shot <c>migrate</c> mode).</summary>
    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WebhookDbContext>().Database.MigrateAsync(cancellationToken);
    }
}
