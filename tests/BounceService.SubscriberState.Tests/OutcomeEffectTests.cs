using BounceService.Contracts;
using BounceService.SubscriberState.Subscribers;

namespace BounceService.SubscriberState.Tests;

public sealed class OutcomeEffectTests
{
    [Theory]
    [InlineData(BounceKinds.Hard, "userunknown", BounceScopes.Recipient, SubscriberStatuses.Bounced, StatusCauses.HardBounce, true)]
    [InlineData(BounceKinds.Hard, "spamtrap", BounceScopes.Recipient, SubscriberStatuses.Unsubscribed, StatusCauses.SpamTrap, true)]
    [InlineData(BounceKinds.Complaint, "feedback", BounceScopes.Recipient, SubscriberStatuses.Unsubscribed, StatusCauses.Complaint, true)]
    [InlineData(BounceKinds.Hard, "authfailure", BounceScopes.Sender, null, null, false)]
    [InlineData(BounceKinds.Hard, "mesgtoobig", BounceScopes.Message, null, null, false)]
    [InlineData(BounceKinds.Soft, "mailboxfull", BounceScopes.Recipient, null, null, false)]
    [InlineData(BounceKinds.Undetermined, "undefined", BounceScopes.Recipient, null, null, false)]
    public void Each_kind_and_scope_has_the_effect_of_the_design_table(string kind, string reason, string scope, string? status, string? cause, bool suppress)
    {
        var effect = OutcomeEffect.Of(Events.Make("a@example.com", "l", "bounce", kind, null, reason, scope));

        Assert.Equal((status, cause, suppress), (effect.NewStatus, effect.Cause, effect.Suppress));
    }

    [Fact]
    public void Only_a_sender_scope_hard_bounce_is_a_sender_side_problem()
    {
        Assert.True(OutcomeEffect.Of(Events.Hard("a@example.com", "l", "5.7.1", "authfailure", BounceScopes.Sender)).SenderSideProblem);
        Assert.False(OutcomeEffect.Of(Events.Hard("a@example.com", "l")).SenderSideProblem);
    }

    [Theory]
    [InlineData(SubscriberStatuses.Subscribed, SubscriberStatuses.Bounced, true)]
    [InlineData(SubscriberStatuses.Subscribed, SubscriberStatuses.Unsubscribed, true)]
    [InlineData(SubscriberStatuses.Bounced, SubscriberStatuses.Unsubscribed, true)]
    [InlineData(SubscriberStatuses.Unsubscribed, SubscriberStatuses.Bounced, false)]
    [InlineData(SubscriberStatuses.Bounced, SubscriberStatuses.Bounced, false)]
    public void Unsubscribed_outranks_bounced(string from, string to, bool allowed) =>
        Assert.Equal(allowed, OutcomeEffect.CanMove(from, to));
}
