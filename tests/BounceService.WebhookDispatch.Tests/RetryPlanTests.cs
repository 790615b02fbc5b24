using BounceService.WebhookDispatch.Delivery;

namespace BounceService.WebhookDispatch.Tests;

public sealed class RetryPlanTests
{
    private static readonly TimeSpan[] Schedule = [TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5)];
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_attempt_follows_the_schedule_within_twenty_percent_jitter()
    {
        var random = new Random(42);
        var delays = Enumerable.Range(0, 1000).Select(_ => RetryPlan.Next(Schedule, 1, Now, null, random)!.Value - Now).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6)));
        Assert.True(delays.Distinct().Count() > 100, "no jitter");
    }

    [Fact]
    public void Retry_after_longer_than_the_schedule_wins() =>
        Assert.Equal(Now + TimeSpan.FromMinutes(1), RetryPlan.Next(Schedule, 1, Now, TimeSpan.FromMinutes(1), new Random(1)));

    [Fact]
    public void Spent_schedule_means_dead() =>
        Assert.Null(RetryPlan.Next(Schedule, 3, Now, null, new Random(1)));
}
