using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BounceService.WebhookDispatch.Data;

/// <summary>Endpoints, deliveries and their attempts, and the Data Protection keys that encrypt the secrets.</summary>
public sealed class WebhookDbContext(DbContextOptions<WebhookDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Schema = "webhook_dispatch";

    public DbSet<WebhookEndpoint> Endpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();
    public DbSet<DeliveryAttempt> Attempts => Set<DeliveryAttempt>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasDefaultSchema(Schema);

        model.Entity<WebhookEndpoint>(e => e.ToTable("endpoints"));

        model.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("deliveries");
            e.HasIndex(d => new { d.EndpointId, d.MessageId }).IsUnique();
            // Only pending deliveries are scanned for due ones.
            e.HasIndex(d => new { d.EndpointId, d.NextAttemptAt }).HasFilter("status = 'pending'");
            e.HasIndex(d => new { d.Status, d.CreatedAt });
            // Pages of GET /v1/webhook-deliveries, newest first (read backwards).
            e.HasIndex(d => new { d.CreatedAt, d.Id });
            e.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        });

        model.Entity<DeliveryAttempt>(e => e.ToTable("attempts"));
        model.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));
    }
}
