using BounceService.Contracts;
using BounceService.SubscriberState.Data;
using BounceService.Testing;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BounceService.EndToEnd.Tests;

/// <summary>
/// Hundreds of events for a few subscribers, through real RabbitMQ to three SubscriberState instances at
/// once, end in the state that the same events give one at a time.
/// </summary>
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private const int Instances = 3;
    private readonly TestInfrastructure _infrastructure = new();
    private readonly List<WebApplicationFactory<StateDbContext>> _instances = [];

    public async Task InitializeAsync()
    {
        await _infrastructure.InitializeAsync();
        var rabbitMq = await _infrastructure.IsolatedRabbitMqAsync($"bounceservice-concurrency-{Guid.NewGuid():N}");
        for (var i = 0; i < Instances; i++)
        {
            _instances.Add(new WebApplicationFactory<StateDbContext>().WithWebHostBuilder(web =>
            {
                web.UseSetting("ConnectionStrings:Postgres", _infrastructure.Postgres);
                web.UseSetting("ConnectionStrings:RabbitMq", rabbitMq);
            }));
        }
        await _instances[0].Services.MigrateAsync();
        await Task.WhenAll(_instances.Select(i => Health.WaitUntilHealthyAsync(i.CreateClient(), "SubscriberState")));
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances) await instance.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    /// <summary>The same random history for each subscriber, under an address prefix of its own.</summary>
    private static List<BounceClassified> History(string prefix, string run, int seed)
    {
        var random = new Random(seed);
        var events = new List<BounceClassified>();
        for (var s = 0; s < 8; s++)
        {
            var (email, list) = ($"{prefix}{s}-{run}@example.com", $"list-{run}");
            for (var e = 0; e < 30; e++)
            {
                var id = $"{prefix}{s}-{e}-{run}";
                var (type, kind, dsn, reason, scope) = random.Next(100) switch
                {
                    < 3 => ("bounce", BounceKinds.Hard, "5.1.1", "userunknown", BounceScopes.Recipient),
                    < 5 => ("complaint", BounceKinds.Complaint, (string?)null, "feedback", BounceScopes.Recipient),
                    < 30 => ("bounce", BounceKinds.Hard, "5.7.1", "authfailure", BounceScopes.Sender),
                    < 45 => ("bounce", BounceKinds.Hard, "5.3.4", "mesgtoobig", BounceScopes.Message),
                    < 55 => ("bounce", BounceKinds.Soft, "4.2.2", "mailboxfull", BounceScopes.Recipient),
                    _ => ("bounce", BounceKinds.Soft, "4.7.1", "blocked", BounceScopes.Sender),
                };
                events.Add(new BounceClassified(id, "generic", type, email, list, null, null, kind, dsn, null, reason, scope, null, null, null,
                    DateTimeOffset.UtcNow));
            }
        }
        return events;
    }

    private async Task<Dictionary<string, (string Status, bool Suppressed, int Logged)>> EndStateAsync(string prefix, string run)
    {
        await using var scope = _instances[0].Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StateDbContext>();
        var pattern = $"{prefix}%-{run}@example.com";
        var subscribers = await db.Subscribers.Where(s => EF.Functions.Like(s.Email, pattern)).ToListAsync();
        var suppressed = await db.Suppressions.Where(s => EF.Functions.Like(s.Email, pattern)).Select(s => s.Email).ToListAsync();
        var logged = await db.BounceLog.Where(b => EF.Functions.Like(b.Email, pattern)).GroupBy(b => b.Email)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return subscribers.ToDictionary(
            s => s.Email[prefix.Length..],
            s => (s.Status, suppressed.Contains(s.Email), logged.GetValueOrDefault(s.Email)));
    }

    private Task<int> LoggedAsync(IEnumerable<string> ids)
    {
        var wanted = ids.ToArray();
        return Task.Run(async () =>
        {
            await using var scope = _instances[0].Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<StateDbContext>().BounceLog.CountAsync(b => wanted.Contains(b.EventId));
        });
    }

    [Fact]
    public async Task Concurrent_delivery_to_three_instances_ends_like_one_at_a_time()
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var sequential = History("seq", run, seed: 7);
        var concurrent = History("par", run, seed: 7);
        var bus = _instances[0].Services.GetRequiredService<IBus>();

        foreach (var e in sequential)
        {
            await bus.Publish(e);
            await Eventually.GetAsync(() => LoggedAsync([e.EventId]), n => n == 1);
        }
        // Every event twice (a redelivery), all at once, spread by RabbitMQ over the three instances.
        await Task.WhenAll(concurrent.Concat(concurrent).Select(e => bus.Publish(e)));
        await Eventually.GetAsync(() => LoggedAsync(concurrent.Select(e => e.EventId)), n => n == concurrent.Count, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1)); // let the duplicates drain too

        var expected = await EndStateAsync("seq", run);
        var actual = await EndStateAsync("par", run);
        Assert.Equal(8, expected.Count);
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
        Assert.Contains(expected.Values, v => v.Status != SubscriberStatuses.Subscribed); // the history flips someone
    }
}
