using BounceService.Contracts;
using BounceService.SubscriberState.Data;
using BounceService.SubscriberState.Domains;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BounceService.SubscriberState.Tests;

[Collection(StateServiceCollection.Name)]
public sealed class RecipientDomainBackfillTests(StateServiceFixture fixture) : StateTestBase(fixture)
{
    [Fact]
    public async Task Rows_written_before_the_column_get_their_registrable_domain_from_two_runs_at_once()
    {
        var tag = Guid.NewGuid().ToString("N");
        var expected = new Dictionary<string, string?>
        {
            [$"a-{tag}@mail.shop.co.uk"] = "shop.co.uk",
            [$"b-{tag}@example.com.au"] = "example.com.au",
            [$"c-{tag}@bücher.de"] = "xn--bcher-kva.de",
            [$"d-{tag}@localhost"] = "localhost", // no registrable domain: grouped under the name itself, as at write time
            [$"e-{tag}"] = null, // no domain at all: stays NULL, and the runs step past it
        };
        await QueryAsync(db =>
        {
            db.BounceLog.AddRange(expected.Keys.Select(email => new BounceLogEntry
            {
                EventId = $"evt-{Guid.NewGuid():N}", Provider = "generic", EventType = "bounce", Email = email,
                Kind = BounceKinds.Hard, Reason = "userunknown", Scope = BounceScopes.Recipient, DsnCode = "5.1.1",
                OccurredAt = DateTimeOffset.UtcNow, ReceivedAt = DateTimeOffset.UtcNow,
            }));
            return db.SaveChangesAsync();
        });

        // Two replicas starting together, in batches of two.
        var backfill = Fixture.Factory.Services.GetRequiredService<RecipientDomainBackfill>();
        await Task.WhenAll(backfill.RunAsync(2, CancellationToken.None), backfill.RunAsync(2, CancellationToken.None));
        var after = await DomainsAsync(tag);
        await backfill.RunAsync(2, CancellationToken.None);

        Assert.Equal(expected, after);
        Assert.Equal(expected, await DomainsAsync(tag));
    }

    private Task<Dictionary<string, string?>> DomainsAsync(string tag) =>
        QueryAsync(db => db.BounceLog.AsNoTracking().Where(b => b.Email.Contains(tag)).ToDictionaryAsync(b => b.Email, b => b.RecipientDomain));
}
