using BounceService.Contracts;
using BounceService.SubscriberState.Subscribers;
using Microsoft.EntityFrameworkCore;

namespace BounceService.SubscriberState.Tests;

[Collection(StateServiceCollection.Name)]
public sealed class BounceClassifiedConsumerTests(StateServiceFixture fixture) : StateTestBase(fixture)
{
    [Fact]
    public async Task Hard_recipient_bounce_marks_bounced_suppresses_and_announces_once()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());
        var bounce = Events.Hard(email, list);

        await ConsumeInOrderAsync(bounce);

        var subscriber = await SubscriberAsync(list, email);
        Assert.Equal(SubscriberStatuses.Bounced, subscriber?.Status);
        Assert.Equal(StatusCauses.HardBounce, subscriber?.StatusCause);
        Assert.Equal(bounce.EventId, subscriber?.StatusEventId);
        Assert.Equal(StatusCauses.HardBounce, (await SuppressionAsync(email))?.Cause);
        var announced = Assert.Single(await AnnouncedAsync(email));
        Assert.Equal((SubscriberStatuses.Subscribed, SubscriberStatuses.Bounced, list, "5.1.1"),
            (announced.OldStatus, announced.NewStatus, announced.ListUid, announced.DsnCode));
    }

    [Fact]
    public async Task Same_event_twice_is_recorded_once_and_announced_once()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());
        var bounce = Events.Hard(email, list);

        await ConsumeInOrderAsync(bounce, bounce);

        Assert.Equal(1, await LogRowsAsync(email));
        Assert.Single(await AnnouncedAsync(email));
    }

    [Fact]
    public async Task Sender_side_refusal_is_logged_but_never_flips_or_suppresses()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());

        await ConsumeInOrderAsync(Events.Hard(email, list, "5.7.1", "authfailure", BounceScopes.Sender));

        Assert.Equal(SubscriberStatuses.Subscribed, (await SubscriberAsync(list, email))?.Status);
        Assert.Equal(1, await LogRowsAsync(email));
        Assert.Null(await SuppressionAsync(email));
        Assert.Empty(await AnnouncedAsync(email));
    }

    [Fact]
    public async Task Message_scope_refusal_is_logged_but_never_flips()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());

        await ConsumeInOrderAsync(Events.Hard(email, list, "5.3.4", "mesgtoobig", BounceScopes.Message));

        Assert.Equal(SubscriberStatuses.Subscribed, (await SubscriberAsync(list, email))?.Status);
        Assert.Null(await SuppressionAsync(email));
    }

    [Fact]
    public async Task Soft_bounces_count_a_streak_that_a_delivery_resets()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());

        await ConsumeInOrderAsync(Events.Soft(email, list), Events.Soft(email, list, "5.2.2"));
        var afterSoft = await SubscriberAsync(list, email);
        await ConsumeInOrderAsync(Events.Delivered(email, list));
        var afterDelivery = await SubscriberAsync(list, email);

        Assert.Equal((SubscriberStatuses.Subscribed, 2), (afterSoft?.Status, afterSoft?.SoftBounceStreak));
        Assert.Equal((SubscriberStatuses.Subscribed, 0), (afterDelivery?.Status, afterDelivery?.SoftBounceStreak));
        Assert.Empty(await AnnouncedAsync(email));
    }

    [Fact]
    public async Task Complaint_unsubscribes_even_a_bounced_subscriber()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());

        await ConsumeInOrderAsync(Events.Hard(email, list), Events.Complaint(email, list));

        Assert.Equal(SubscriberStatuses.Unsubscribed, (await SubscriberAsync(list, email))?.Status);
        Assert.Equal([SubscriberStatuses.Bounced, SubscriberStatuses.Unsubscribed], (await AnnouncedAsync(email)).Select(c => c.NewStatus));
    }

    [Fact]
    public async Task Hard_bounce_after_a_complaint_leaves_the_subscriber_unsubscribed()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());

        await ConsumeInOrderAsync(Events.Complaint(email, list), Events.Hard(email, list));

        Assert.Equal(SubscriberStatuses.Unsubscribed, (await SubscriberAsync(list, email))?.Status);
        Assert.Single(await AnnouncedAsync(email));
    }

    [Fact]
    public async Task Event_without_list_applies_to_every_list_holding_the_address()
    {
        var (email, listA, listB) = (Events.NewEmail(), Events.NewList(), Events.NewList());
        await ConsumeInOrderAsync(Events.Delivered(email, listA), Events.Delivered(email, listB));

        await ConsumeInOrderAsync(Events.Hard(email, list: null));

        Assert.Equal(SubscriberStatuses.Bounced, (await SubscriberAsync(listA, email))?.Status);
        Assert.Equal(SubscriberStatuses.Bounced, (await SubscriberAsync(listB, email))?.Status);
        Assert.Equal(new[] { listA, listB }.Order(), (await AnnouncedAsync(email)).Select(c => c.ListUid).Order());
    }

    [Fact]
    public async Task Concurrent_events_for_one_subscriber_end_as_they_would_in_order()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());
        var hard = Events.Hard(email, list);
        var complaint = Events.Complaint(email, list);
        var soft = Events.Soft(email, list);

        // The same hard bounce delivered five times, racing a complaint and a soft bounce.
        await ConsumeTogetherAsync([hard, hard, hard, hard, hard, complaint, soft]);

        Assert.Equal(SubscriberStatuses.Unsubscribed, (await SubscriberAsync(list, email))?.Status);
        Assert.Equal(3, await LogRowsAsync(email));
        var changes = await QueryAsync(db => db.StatusChanges.Where(c => c.Email == email).ToListAsync());
        Assert.InRange(changes.Count, 1, 2);
        Assert.Equal(SubscriberStatuses.Unsubscribed, changes.MaxBy(c => c.ChangedAt)!.NewStatus);
        Assert.NotNull(await SuppressionAsync(email));
    }

    [Fact]
    public async Task Soft_bounce_after_the_last_default_retry_flips_to_bounced_soft_to_hard()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());

        await ConsumeInOrderAsync(Events.Soft(email, list), Events.Soft(email, list), Events.Soft(email, list));
        var afterRetries = await SubscriberAsync(list, email);
        await ConsumeInOrderAsync(Events.Soft(email, list));
        var afterLast = await SubscriberAsync(list, email);

        Assert.Equal(SubscriberStatuses.Subscribed, afterRetries?.Status);
        Assert.Equal((SubscriberStatuses.Bounced, StatusCauses.SoftToHard), (afterLast?.Status, afterLast?.StatusCause));
        Assert.Equal(StatusCauses.SoftToHard, Assert.Single(await AnnouncedAsync(email)).Cause);
        Assert.Null(await SuppressionAsync(email));
    }

    [Fact]
    public async Task Delivery_between_soft_bounces_restarts_the_count()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());

        await ConsumeInOrderAsync(Events.Soft(email, list), Events.Soft(email, list), Events.Soft(email, list),
            Events.Delivered(email, list), Events.Soft(email, list));

        Assert.Equal(SubscriberStatuses.Subscribed, (await SubscriberAsync(list, email))?.Status);
    }

    [Fact]
    public async Task Sender_side_soft_bounces_never_count_towards_soft_to_hard()
    {
        var (email, list) = (Events.NewEmail(), Events.NewList());
        var blocked = Enumerable.Range(0, 5).Select(_ => Events.Make(email, list, "bounce", BounceKinds.Soft, "4.7.1", "blocked", BounceScopes.Sender)).ToArray();

        await ConsumeInOrderAsync(blocked);

        var subscriber = await SubscriberAsync(list, email);
        Assert.Equal((SubscriberStatuses.Subscribed, 0), (subscriber?.Status, subscriber?.SoftBounceStreak));
    }
}
