using System.Text.Json;
using BounceService.Contracts;
using BounceService.WebhookDispatch.Crm;

namespace BounceService.WebhookDispatch.Tests;

public sealed class WebhookPayloadTests
{
    internal static SubscriberStatusChanged Change(string email, string newStatus, string cause = "hard_bounce") => new(
        Guid.NewGuid(), email, "list-1", SubscriberStatuses.Subscribed, newStatus, cause, "evt-1", "camp-1", "generic",
        BounceKinds.Hard, "5.1.1", "userunknown", "550 5.1.1 The email account that you tried to reach does not exist",
        new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Bounced_payload_starts_with_the_six_fields_of_the_guide_in_order()
    {
        var payload = WebhookPayload.For(Change("a@example.com", SubscriberStatuses.Bounced))!;

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(payload));
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["event", "subscriber_email", "list_uid", "dsn_code", "bounce_type", "reason"], names.Take(6));
        Assert.Equal(["occurred_at", "campaign_uid", "provider", "category", "old_status", "new_status", "cause"], names.Skip(6));
        var root = json.RootElement;
        Assert.Equal("subscriber.bounced", root.GetProperty("event").GetString());
        Assert.Equal("a@example.com", root.GetProperty("subscriber_email").GetString());
        Assert.Equal("5.1.1", root.GetProperty("dsn_code").GetString());
        Assert.Equal("hard", root.GetProperty("bounce_type").GetString());
        Assert.Equal("550 5.1.1 The email account that you tried to reach does not exist", root.GetProperty("reason").GetString());
        Assert.Equal("userunknown", root.GetProperty("category").GetString());
    }

    [Theory]
    [InlineData(SubscriberStatuses.Bounced, "subscriber.bounced")]
    [InlineData(SubscriberStatuses.Unsubscribed, "subscriber.unsubscribed")]
    [InlineData(SubscriberStatuses.Subscribed, null)]
    public void Each_new_status_maps_to_its_event_or_none(string status, string? expected) =>
        Assert.Equal(expected, WebhookPayload.For(Change("a@example.com", status))?.Event);

    [Fact]
    public void Soft_to_hard_flip_is_reported_as_a_hard_bounce()
    {
        var change = Change("a@example.com", SubscriberStatuses.Bounced, "soft_to_hard") with { Kind = BounceKinds.Soft, DsnCode = "4.2.2" };

        var payload = WebhookPayload.For(change)!;

        Assert.Equal(("hard", "soft_to_hard", "4.2.2"), (payload.BounceType, payload.Cause, payload.DsnCode));
    }
}
