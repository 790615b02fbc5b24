namespace BounceService.Classification.Tests;

public class PseudoStatusTests
{
    [Fact]
    public void A_status_the_bounce_names_is_kept() =>
        Assert.Equal("5.1.1", PseudoStatus.Or("5.1.1", "userunknown", 550, "550 5.1.1 no such user"));

    [Theory]
    [InlineData("userunknown", null, "User unknown", "5.0.911")]
    [InlineData("mailboxfull", 452, "Mailbox full", "4.0.922")]
    [InlineData("expired", null, "[Status: Error, ResponseCode 421, Host not reachable.]", "4.0.947")]
    [InlineData("blocked", null, "temporarily deferred", "4.0.971")]
    [InlineData("filtered", 450, "rejected by the recipient's filter", "4.0.924")]
    [InlineData("filtered", 550, "rejected by the recipient's filter", "5.0.910")]
    [InlineData("expired", null, "Envelope expired", "5.0.947")]
    [InlineData("expired", null, "retry time not reached for any host after a long failure period", "4.0.947")]
    [InlineData("expired", null, "Reason: delivery retry timeout exceeded", "5.0.947")]
    [InlineData("expired", null, "The message has not yet been delivered to a@example.org. Delivery attempts will continue for some time.", "4.0.947")]
    [InlineData("hostunknown", null, "Delay reason: host not found", "5.0.912")]
    // Sisimai has no temporary stand-in for an unknown user: a 4xx one still reads 5.0.911.
    [InlineData("userunknown", 450, "mailbox unavailable", "5.0.911")]
    public void A_bounce_without_a_status_gets_sisimais_stand_in(string reason, int? reply, string text, string expected) =>
        Assert.Equal(expected, PseudoStatus.Or(null, reason, reply, text));

    [Theory]
    [InlineData("greylisted")]
    [InlineData("feedback")]
    public void Reasons_sisimai_lacks_get_no_stand_in(string reason) =>
        Assert.Null(PseudoStatus.Or(null, reason, 550, "text"));

    // Sisimai's Exim module: a failure it retried until it gave up, with no code at all, is temporary.
    [Theory]
    [InlineData("mailboxfull", null, "mailbox is full: retry timeout exceeded", "4.0.922")]
    [InlineData("expired", null, "host mx.example.org [192.0.2.1]: Connection timed out", "4.0.947")]
    [InlineData("expired", 550, "retry timeout exceeded", "5.0.947")]
    [InlineData("hostunknown", null, "all relevant MX records point to non-existent hosts", "5.0.912")]
    public void A_failure_the_mta_gave_up_retrying_is_temporary_without_a_code(string reason, int? reply, string text, string expected) =>
        Assert.Equal(expected, PseudoStatus.Or(null, reason, reply, text, gaveUpRetrying: true));

    [Fact]
    public void An_address_is_not_taken_for_a_reply_code() =>
        Assert.Equal("5.0.944", PseudoStatus.Or(null, "networkerror", null, "connect to 192.0.2.421.example: refused"));
}
