using System.Security.Cryptography;
using System.Text;
using BounceService.WebhookDispatch.Crm;
using BounceService.WebhookDispatch.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BounceService.WebhookDispatch.Endpoints;

/// <summary>
/// Stores the configuration-file endpoints (<c>Webhooks:Endpoints</c>) as rows of source <c>config</c>, so that they
/// share the stored schedule. The id comes from the URL, so every replica and restart upserts the same row.
/// </summary>
public sealed class ConfiguredEndpoints(WebhookDbContext db, EndpointSecrets secrets, IOptions<WebhooksOptions> options, TimeProvider clock)
{
    public const string RemovedReason = "No longer in Webhooks:Endpoints.";

    public static Guid IdOf(string url) => new(SHA256.HashData(Encoding.UTF8.GetBytes("config:" + url))[..16]);

    public async Task UpsertAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var configured in options.Value.Endpoints.DistinctBy(e => e.Url))
        {
            var id = IdOf(configured.Url);
            var row = await db.Endpoints.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (row is null)
            {
                row = new WebhookEndpoint { Id = id, Url = configured.Url, Source = EndpointSources.Config, CreatedAt = now };
                db.Endpoints.Add(row);
            }
            if (!row.Enabled && row.DisabledReason == RemovedReason) (row.Enabled, row.DisabledAt, row.DisabledReason) = (true, null, null);
            row.EventTypes = WebhookEvents.All;
            row.ListUids = [];
            row.Secret = string.IsNullOrEmpty(configured.Secret) ? null : secrets.Protect(configured.Secret);
            row.UpdatedAt = now;
        }
        // Configuration endpoints removed from configuration stop receiving (their rows and history stay).
        var current = options.Value.Endpoints.Select(e => IdOf(e.Url)).ToList();
        foreach (var removed in await db.Endpoints.Where(e => e.Source == EndpointSources.Config && e.Enabled && !current.Contains(e.Id)).ToListAsync(cancellationToken))
            (removed.Enabled, removed.DisabledAt, removed.DisabledReason, removed.UpdatedAt) = (false, now, RemovedReason, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another replica inserted the same row first: its values are the same configuration.
        }
    }
}
