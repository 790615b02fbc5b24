using BounceService.Contracts;
using BounceService.SubscriberState.Alerts;
using BounceService.SubscriberState.Campaigns;

namespace BounceService.SubscriberState.Tests;

/// <summary>The symptom table's default thresholds, judged without I/O on 1,000 sends.</summary>
public sealed class AlertRulesTests
{
    private static readonly AlertOptions Defaults = new();

    private static bool Holds(string rule, params CampaignStats.Group[] groups) =>
        AlertRules.ForCampaign(new CampaignStats("c", 1000, groups), Defaults).Single(c => c.Rule == rule).Holds;

    private static CampaignStats.Group Hard(string dsn, long count, string reason = "x") => new(BounceKinds.Hard, reason, dsn, count);
    private static CampaignStats.Group Soft(string dsn, long count) => new(BounceKinds.Soft, "x", dsn, count);

    [Theory]
    [InlineData(AlertRules.UserUnknownSpike, "5.1.1", 100, false)]
    [InlineData(AlertRules.UserUnknownSpike, "5.1.1", 101, true)]
    [InlineData(AlertRules.Reputation, "4.7.1", 50, false)]
    [InlineData(AlertRules.Reputation, "4.7.1", 51, true)]
    [InlineData(AlertRules.Greylisting, "4.7.0", 299, false)]
    [InlineData(AlertRules.Greylisting, "4.7.0", 300, true)]
    [InlineData(AlertRules.MessageTooLarge, "5.3.4", 10, false)]
    [InlineData(AlertRules.MessageTooLarge, "5.3.4", 11, true)]
    public void Share_of_sends_rules_hold_just_over_their_threshold(string rule, string dsn, long count, bool holds) =>
        Assert.Equal(holds, Holds(rule, dsn[0] == '5' ? Hard(dsn, count) : Soft(dsn, count)));

    [Fact]
    public void Auth_failure_holds_over_half_of_the_bounces_not_of_the_sends()
    {
        Assert.False(Holds(AlertRules.AuthFailure, Hard("5.7.1", 50), Soft("4.2.2", 50)));
        Assert.True(Holds(AlertRules.AuthFailure, Hard("5.7.1", 51), Soft("4.2.2", 50)));
    }

    [Fact]
    public void Campaign_rules_hold_nothing_under_the_minimum_sends() =>
        Assert.All(AlertRules.ForCampaign(new CampaignStats("c", null, [Hard("5.1.1", 99)]), Defaults), c => Assert.False(c.Holds));

    [Fact]
    public void Domain_block_needs_the_minimum_count_and_a_share_over_a_fifth()
    {
        static bool Holds(long blocked, long delivered) => AlertRules.ForDomain("example.co.uk",
            [(BounceKinds.Hard, "5.7.606", blocked), (BounceKinds.Delivered, null, delivered)], Defaults).Holds;

        Assert.False(Holds(9, 0));
        Assert.False(Holds(10, 40));
        Assert.True(Holds(10, 39));
    }

    private static readonly DateOnly Today = new(2026, 12, 4);

    /// <summary>Each week's counts split over its first and last day, so that an off-by-one window shows.</summary>
    private static bool StaleListHolds(long full, long sends, long previousFull, long previousSends) =>
        AlertRules.ForList("l", Today,
        [
            (Today.AddDays(-6), BounceKinds.Soft, "4.2.2", full), (Today, BounceKinds.Delivered, null, sends - full),
            (Today.AddDays(-7), BounceKinds.Soft, "4.2.2", previousFull), (Today.AddDays(-13), BounceKinds.Delivered, null, previousSends - previousFull),
            (Today.AddDays(-14), BounceKinds.Soft, "4.2.2", 1000), // older than both weeks
        ], Defaults).Holds;

    [Fact]
    public void Stale_list_holds_over_two_percent_of_a_weeks_sends()
    {
        Assert.False(StaleListHolds(20, 1000, 0, 0));
        Assert.True(StaleListHolds(21, 1000, 0, 0));
    }

    [Fact]
    public void Stale_list_holds_only_at_one_and_a_half_times_the_share_of_the_week_before()
    {
        Assert.False(StaleListHolds(29, 1000, 20, 1000)); // 2.9% against 2%
        Assert.True(StaleListHolds(30, 1000, 20, 1000)); // 3% = 1.5 x 2%
        Assert.True(StaleListHolds(15, 500, 20, 1000)); // shares, not counts
    }

    [Fact]
    public void Stale_list_counts_5_2_2_as_mailbox_full_and_waits_for_the_minimum_sends()
    {
        static bool Holds(string dsn, long sends) => AlertRules.ForList("l", Today, [(Today, BounceKinds.Soft, dsn, sends)], Defaults).Holds;

        Assert.True(Holds("5.2.2", 100));
        Assert.False(Holds("4.2.1", 100));
        Assert.False(Holds("4.2.2", 99));
    }

    [Fact]
    public void Engaged_hard_bounce_holds_on_a_recipient_hard_bounce_while_the_address_is_still_bounced()
    {
        static bool Holds(string scope, bool stillBounced) => AlertRules.ForSubscriber("a@example.com",
            [(BounceKinds.Delivered, BounceScopes.Recipient, 3), (BounceKinds.Hard, scope, 1)], stillBounced).Holds;

        Assert.True(Holds(BounceScopes.Recipient, true));
        Assert.False(Holds(BounceScopes.Recipient, false)); // re-activated: somebody checked
        Assert.False(Holds(BounceScopes.Sender, true)); // the sender's problem says nothing about the address
    }
}
