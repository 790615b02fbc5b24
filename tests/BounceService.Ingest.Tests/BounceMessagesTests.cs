using BounceService.Contracts;
using BounceService.Ingest.Providers;
using BounceService.Ingest.Publishing;

namespace BounceService.Ingest.Tests;

public sealed class BounceMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 8, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Occurred = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static InboundEvent Bounce(string? eventId = null, DateTimeOffset? occurredAt = null) => new(
        "generic", eventId, "bounce", "a@b.com", "list-1", "camp-1", "mta-1", 550, "5.1.1",
        "550 5.1.1 The email account that you tried to reach does not exist", null, occurredAt);

    [Fact]
    public void Hard_user_unknown_is_classified_with_every_field_carried_over()
    {
        var message = BounceMessages.Create(Bounce("e-1", Occurred), Now);

        Assert.Equal(
            new BounceClassified("e-1", "generic", "bounce", "a@b.com", "list-1", "camp-1", "mta-1",
                BounceKinds.Hard, "5.1.1", 550, "userunknown", BounceScopes.Recipient,
                "550 5.1.1 The email account that you tried to reach does not exist", null, null, Occurred),
            message);
    }

    [Fact]
    public void Codes_found_only_in_the_reason_text_are_used()
    {
        var e = Bounce(occurredAt: Occurred) with { SmtpCode = null, DsnCode = null };

        var message = BounceMessages.Create(e, Now);

        Assert.Equal((BounceKinds.Hard, "5.1.1", 550, "userunknown", BounceScopes.Recipient),
            (message.Kind, message.DsnCode, message.SmtpCode, message.Reason, message.Scope));
    }

    [Theory]
    [InlineData("complaint", null, null, BounceKinds.Complaint, "feedback", BounceScopes.Recipient)]
    [InlineData("delivered", 250, null, BounceKinds.Delivered, "delivered", BounceScopes.Recipient)]
    [InlineData("bounce", 452, "4.2.2", BounceKinds.Soft, "mailboxfull", BounceScopes.Recipient)]
    [InlineData("bounce", 550, "5.7.26", BounceKinds.Hard, "authfailure", BounceScopes.Sender)]
    [InlineData("bounce", null, null, BounceKinds.Undetermined, "undefined", BounceScopes.Recipient)]
    public void Each_type_is_classified(string type, int? smtp, string? dsn, string kind, string reason, string scope)
    {
        var e = new InboundEvent("generic", "e-1", type, "a@b.com", null, null, null, smtp, dsn, null, null, Occurred);

        var message = BounceMessages.Create(e, Now);

        Assert.Equal((kind, reason, scope), (message.Kind, message.Reason, message.Scope));
    }

    // A provider that names the host that answered (Mailgun's mx-host) lets Yahoo's own codes count, as Sisimai reads them.
    [Theory]
    [InlineData("mta6.am0.yahoodns.net", "rejected")]
    [InlineData(null, "badreputation")]
    public void The_remote_host_tells_which_provider_answered(string? remoteHost, string reason)
    {
        var e = new InboundEvent("mailgun", "e-1", "bounce", "a@yahoo.com", null, null, null, 421, "4.7.0",
            "[TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints", null, Occurred, RemoteHost: remoteHost);

        Assert.Equal(reason, BounceMessages.Create(e, Now).Reason);
    }

    // So does the recipient's domain, which Sisimai 5 tries first: Cox's words count for a cox.net recipient.
    [Theory]
    [InlineData("a@cox.net", "policyviolation")]
    [InlineData("a@example.com", "onhold")]
    public void The_recipients_domain_tells_which_provider_answered(string recipient, string reason)
    {
        var e = new InboundEvent("generic", "e-1", "bounce", recipient, null, null, null, 554, null,
            "554 ESMTP no data before greeting", null, Occurred);

        Assert.Equal(reason, BounceMessages.Create(e, Now).Reason);
    }

    [Fact]
    public void Given_event_id_is_kept()
    {
        Assert.Equal("provider-id-42", BounceMessages.Create(Bounce("provider-id-42", Occurred), Now).EventId);
    }

    [Fact]
    public void Derived_id_is_stable_for_the_same_content()
    {
        var first = BounceMessages.Create(Bounce(occurredAt: Occurred), Now).EventId;
        var second = BounceMessages.Create(Bounce(occurredAt: Occurred), Now.AddHours(30)).EventId;

        Assert.Equal(first, second);
        Assert.Matches("^generic-[0-9a-f]{32}$", first);
    }

    [Fact]
    public void Derived_id_is_the_same_for_the_same_instant_in_another_offset()
    {
        var utc = BounceMessages.DerivedId(Bounce(occurredAt: Occurred), Now);
        var paris = BounceMessages.DerivedId(Bounce(occurredAt: Occurred.ToOffset(TimeSpan.FromHours(1))), Now);

        Assert.Equal(utc, paris);
    }

    public static TheoryData<InboundEvent> Variants => new()
    {
        Bounce(occurredAt: Occurred) with { Recipient = "c@b.com" },
        Bounce(occurredAt: Occurred) with { EventType = "complaint" },
        Bounce(occurredAt: Occurred) with { ListUid = "list-2" },
        Bounce(occurredAt: Occurred) with { ListUid = null },
        Bounce(occurredAt: Occurred) with { CampaignUid = "camp-2" },
        Bounce(occurredAt: Occurred) with { SendingServer = "mta-2" },
        Bounce(occurredAt: Occurred) with { SmtpCode = 551 },
        Bounce(occurredAt: Occurred) with { DsnCode = "5.1.2" },
        Bounce(occurredAt: Occurred) with { Diagnostic = "550 5.1.1 no such user" },
        Bounce(occurredAt: Occurred) with { ProviderLabel = "Permanent" },
        Bounce(occurredAt: Occurred.AddSeconds(1)),
        Bounce(occurredAt: null),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Derived_id_differs_when_the_content_differs(InboundEvent variant)
    {
        var original = BounceMessages.DerivedId(Bounce(occurredAt: Occurred), Now);

        Assert.NotEqual(original, BounceMessages.DerivedId(variant, Now));
    }

    [Fact]
    public void Without_a_time_the_id_holds_for_the_day_and_the_time_is_now()
    {
        var morning = BounceMessages.Create(Bounce(), Now);
        var evening = BounceMessages.Create(Bounce(), Now.AddHours(15));
        var nextDay = BounceMessages.Create(Bounce(), Now.AddDays(1));

        Assert.Equal(morning.EventId, evening.EventId);
        Assert.NotEqual(morning.EventId, nextDay.EventId);
        Assert.Equal(Now, morning.OccurredAt);
    }
}
