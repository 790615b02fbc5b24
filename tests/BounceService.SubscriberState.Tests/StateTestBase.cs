using BounceService.Contracts;
using BounceService.SubscriberState.Data;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BounceService.SubscriberState.Tests;

/// <summary>Publishing into the in-memory bus, waiting for the consumer, and reading the real database.</summary>
public abstract class StateTestBase(StateServiceFixture fixture)
{
    protected StateServiceFixture Fixture { get; } = fixture;

    /// <summary>Publishes the events one after the other, each consumed before the next.</summary>
    protected async Task ConsumeInOrderAsync(params BounceClassified[] events)
    {
        foreach (var e in events) await ConsumeTogetherAsync(e);
    }

    /// <summary>Publishes all events at once (the consumer runs them concurrently) and waits for each.</summary>
    protected async Task ConsumeTogetherAsync(params BounceClassified[] events)
    {
        var bus = Fixture.Factory.Services.GetTestHarness().Bus;
        var expected = events.GroupBy(e => e.EventId).ToDictionary(g => g.Key, g => g.Count());
        var before = expected.ToDictionary(p => p.Key, p => Fixture.Recorder.Consumed<BounceClassified>().Count(c => c.EventId == p.Key));
        await Task.WhenAll(events.Select(e => bus.Publish(e)));
        foreach (var (id, count) in expected)
            await Fixture.Recorder.WaitForConsumedAsync<BounceClassified>(c => c.EventId == id, before[id] + count);
    }

    protected Task<IReadOnlyList<SubscriberStatusChanged>> AnnouncedAsync(string email) =>
        Task.FromResult<IReadOnlyList<SubscriberStatusChanged>>(Fixture.Recorder.Published<SubscriberStatusChanged>().Where(m => m.Email == email).ToList());

    protected async Task<T> QueryAsync<T>(Func<StateDbContext, Task<T>> query)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<StateDbContext>());
    }

    protected Task<Subscriber?> SubscriberAsync(string list, string email) =>
        QueryAsync(db => db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.ListUid == list && s.Email == email));

    protected Task<Suppression?> SuppressionAsync(string email) =>
        QueryAsync(db => db.Suppressions.AsNoTracking().SingleOrDefaultAsync(s => s.Email == email));

    protected Task<int> LogRowsAsync(string email) =>
        QueryAsync(db => db.BounceLog.CountAsync(b => b.Email == email));
}
