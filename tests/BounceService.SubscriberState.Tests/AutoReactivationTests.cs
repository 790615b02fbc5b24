using System.Net;
using System.Net.Http.Json;
using BounceService.Contracts;
using BounceService.SubscriberState.Subscribers;
using Microsoft.Extensions.DependencyInjection;

namespace BounceService.SubscriberState.Tests;

[Collection(StateServiceCollection.Name)]
public sealed class AutoReactivationTests(StateServiceFixture fixture) : StateTestBase(fixture)
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    private async Task<(string Email, string List)> SoftToHardAsync()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());
        await ConsumeInOrderAsync(Events.Soft(email, list), Events.Soft(email, list), Events.Soft(email, list), Events.Soft(email, list));
        Assert.Equal(StatusCauses.SoftToHard, (await SubscriberAsync(list, email))?.StatusCause);
        return (email, list);
    }

    private Task<HttpResponseMessage> ActivityAsync(string email, DateTimeOffset at) =>
        _client.PostAsJsonAsync($"/v1/subscribers/{email}/activity", new { occurred_at = at });

    private Task<int> RunJobAsync() => Fixture.Factory.Services.GetRequiredService<AutoReactivation>().RunAsync(CancellationToken.None);

    [Fact]
    public async Task Soft_to_hard_subscriber_with_recent_activity_is_reactivated_and_watched()
    {
        var (email, list) = await SoftToHardAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await ActivityAsync(email, DateTimeOffset.UtcNow.AddDays(-3))).StatusCode);

        await RunJobAsync();

        var subscriber = await SubscriberAsync(list, email);
        Assert.Equal((SubscriberStatuses.Subscribed, StatusCauses.Reactivated, 2), (subscriber?.Status, subscriber?.StatusCause, subscriber?.WatchRemaining));
        Assert.Contains(await AnnouncedAsync(email), c => c.Cause == StatusCauses.Reactivated);
    }

    [Fact]
    public async Task Hard_bounced_or_inactive_subscribers_stay_bounced()
    {
        var (hardEmail, hardList) = (Events.NewEmail(), Events.NewList());
        await ConsumeInOrderAsync(Events.Hard(hardEmail, hardList));
        await ActivityAsync(hardEmail, DateTimeOffset.UtcNow.AddDays(-1));
        var (staleEmail, staleList) = await SoftToHardAsync();
        await ActivityAsync(staleEmail, DateTimeOffset.UtcNow.AddDays(-45));

        await RunJobAsync();

        Assert.Equal(SubscriberStatuses.Bounced, (await SubscriberAsync(hardList, hardEmail))?.Status);
        Assert.Equal(SubscriberStatuses.Bounced, (await SubscriberAsync(staleList, staleEmail))?.Status);
    }

    [Fact]
    public async Task Bounce_within_the_watched_outcomes_makes_bounced_final()
    {
        var (email, list) = await SoftToHardAsync();
        await ActivityAsync(email, DateTimeOffset.UtcNow.AddDays(-1));
        await RunJobAsync();

        await ConsumeInOrderAsync(Events.Delivered(email, list), Events.Soft(email, list));
        var afterBounce = await SubscriberAsync(list, email);
        await ActivityAsync(email, DateTimeOffset.UtcNow);
        await RunJobAsync();

        Assert.Equal((SubscriberStatuses.Bounced, true), (afterBounce?.Status, afterBounce?.AutoReactivationBlocked));
        Assert.Equal(SubscriberStatuses.Bounced, (await SubscriberAsync(list, email))?.Status);
    }

    [Fact]
    public async Task Two_clean_outcomes_end_the_watch()
    {
        var (email, list) = await SoftToHardAsync();
        await ActivityAsync(email, DateTimeOffset.UtcNow.AddDays(-1));
        await RunJobAsync();

        await ConsumeInOrderAsync(Events.Delivered(email, list), Events.Delivered(email, list), Events.Soft(email, list));

        var subscriber = await SubscriberAsync(list, email);
        Assert.Equal((SubscriberStatuses.Subscribed, 0, 1, false),
            (subscriber?.Status, subscriber?.WatchRemaining, subscriber?.SoftBounceStreak, subscriber?.AutoReactivationBlocked));
    }

    [Fact]
    public async Task Activity_for_an_unknown_address_is_404_and_older_activity_never_moves_back()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());
        await ConsumeInOrderAsync(Events.Delivered(email, list));
        var recent = DateTimeOffset.UtcNow.AddHours(-1);

        await ActivityAsync(email, recent);
        await ActivityAsync(email, recent.AddDays(-10));

        Assert.Equal(HttpStatusCode.NotFound, (await ActivityAsync(Events.NewEmail(), recent)).StatusCode);
        Assert.Equal(recent.ToUnixTimeMilliseconds(), (await SubscriberAsync(list, email))?.LastActivityAt?.ToUnixTimeMilliseconds());
    }
}
