using Microsoft.EntityFrameworkCore;

namespace BounceService.SubscriberState.Data;

public sealed class StateDbContext(DbContextOptions<StateDbContext> options) : DbContext(options)
{
    public const string Schema = "subscriber_state";

    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<BounceLogEntry> BounceLog => Set<BounceLogEntry>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<Suppression> Suppressions => Set<Suppression>();
    public DbSet<SendingServer> SendingServers => Set<SendingServer>();
    public DbSet<ScheduledRetry> ScheduledRetries => Set<ScheduledRetry>();
    public DbSet<Reactivation> Reactivations => Set<Reactivation>();
    public DbSet<SenderFlag> SenderFlags => Set<SenderFlag>();
    public DbSet<CampaignSends> CampaignSends => Set<CampaignSends>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<CampaignOutcomeCount> CampaignOutcomeCounts => Set<CampaignOutcomeCount>();
    public DbSet<ListDailyOutcomeCount> ListDailyOutcomeCounts => Set<ListDailyOutcomeCount>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasDefaultSchema(Schema);

        model.Entity<Subscriber>(e =>
        {
            e.ToTable("subscribers");
            e.HasKey(s => new { s.ListUid, s.Email });
            e.HasIndex(s => s.Email);
        });

        model.Entity<BounceLogEntry>(e =>
        {
            e.ToTable("bounce_log");
            e.HasIndex(b => b.EventId).IsUnique();
            // Newest-first pages, per address and per campaign.
            e.HasIndex(b => new { b.OccurredAt, b.Id }).IsDescending();
            e.HasIndex(b => new { b.Email, b.OccurredAt, b.Id }).IsDescending(false, true, true);
            e.HasIndex(b => new { b.CampaignUid, b.OccurredAt, b.Id }).IsDescending(false, true, true);
            // Per-domain reports over a window (GET /v1/reports/domains).
            e.HasIndex(b => new { b.RecipientDomain, b.OccurredAt });
            // The rows written before recipient_domain existed, for RecipientDomainBackfill; empty once it is done.
            e.HasIndex(b => b.Id).HasFilter("recipient_domain IS NULL").HasDatabaseName("ix_bounce_log_missing_recipient_domain");
        });

        model.Entity<StatusChange>(e =>
        {
            e.ToTable("status_changes");
            e.HasIndex(c => c.EventId);
            e.HasIndex(c => new { c.Email, c.ListUid });
        });

        model.Entity<Suppression>(e =>
        {
            e.ToTable("suppressions");
            e.HasKey(s => s.Email);
        });

        model.Entity<SendingServer>(e => e.ToTable("sending_servers"));

        model.Entity<SenderFlag>(e =>
        {
            e.ToTable("sender_flags");
            e.HasIndex(f => f.EventId).IsUnique();
            e.HasIndex(f => new { f.SendingServer, f.FlaggedAt });
        });

        model.Entity<CampaignSends>(e =>
        {
            e.ToTable("campaign_sends");
            e.HasKey(c => c.CampaignUid);
        });

        // One row per combination and shard; the code may be null, and a null code is still one combination (ON CONFLICT).
        model.Entity<CampaignOutcomeCount>(e =>
        {
            e.ToTable("campaign_outcome_counts");
            e.HasIndex(c => new { c.CampaignUid, c.Kind, c.Reason, c.DsnCode, c.Shard }).IsUnique().AreNullsDistinct(false);
        });

        model.Entity<ListDailyOutcomeCount>(e =>
        {
            e.ToTable("list_daily_outcome_counts");
            e.HasIndex(c => new { c.ListUid, c.Day, c.Kind, c.DsnCode, c.Shard }).IsUnique().AreNullsDistinct(false);
        });

        model.Entity<Alert>(e =>
        {
            e.ToTable("alerts");
            e.HasIndex(a => a.Key).IsUnique();
            e.HasIndex(a => a.LastSeenAt);
        });

        model.Entity<Reactivation>(e =>
        {
            e.ToTable("reactivations");
            e.HasIndex(r => new { r.Email, r.ListUid });
        });

        model.Entity<ScheduledRetry>(e =>
        {
            e.ToTable("scheduled_retries");
            e.HasIndex(r => new { r.EventId, r.ListUid }).IsUnique();
            // Only pending retries are scanned for due ones.
            e.HasIndex(r => r.DueAt).HasFilter("announced_at IS NULL");
            e.HasIndex(r => new { r.Email, r.ListUid });
        });
    }
}
