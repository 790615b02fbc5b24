namespace BounceService.Classification.Tests;

/// <summary>How the code, the refused command and the text decide the reason together (Sisimai's order).</summary>
public class ReasonOrderTests
{
    private static Classification Classify(string diagnostic, string? command = null, string? dsn = null, string? action = null) =>
        Classifier.Classify(new BounceInput(EventTypes.Bounce, DsnCode: dsn, Diagnostic: diagnostic, Action: action, SmtpCommand: command));

    [Theory]
    [InlineData("550 Unknown user a@docomo.example.ne.jp", "RCPT", "userunknown")]
    // After DATA the address had been accepted: a filter of the recipient's answers "unknown".
    [InlineData("550 Unknown user a@docomo.example.ne.jp", "DATA", "filtered")]
    // A server's reply at an unknown stage may come from such a filter too.
    [InlineData("host mx.example.jp said: 550 No such user here", null, "filtered")]
    // Without the command or an addressing code, Sisimai does not condemn the address either.
    [InlineData("User unknown", null, "filtered")]
    // The sending MTA's own words are believed: Exchange 2003's code for an unknown recipient.
    [InlineData("The recipient name is not recognized MSEXCH:IMS:EXAMPLE 0 (000C05A6) Unknown Recipient", null, "userunknown")]
    public void User_unknown_words_need_a_refusal_at_rcpt_or_the_mtas_own_words(string diagnostic, string? command, string reason) =>
        Assert.Equal(reason, Classify(diagnostic, command).Reason);

    // A full mailbox is the cause even without a code, before a notice's words about its own retries, which Sisimai
    // files under too many connections (and which would make it the sender's fault).
    [Fact]
    public void A_full_mailbox_without_a_code_is_the_cause_before_retry_words()
    {
        var c = Classify("Delivery to a@example.org has failed due to a full mailbox. We have already made numerous attempts to deliver this message over the last few days.");
        Assert.Equal(("mailboxfull", "soft", "recipient"), (c.Reason, c.Kind, c.Scope));
    }

    [Theory]
    [InlineData("550 5.1.1 <a@example.com>: Recipient address rejected: User unknown in local recipient table", "userunknown")]
    [InlineData("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", "userunknown")]
    [InlineData("550 5.1.351 Remote server returned unknown recipient or mailbox unavailable", "userunknown")]
    // X.1.1 is believed unless the text names another cause.
    [InlineData("550 5.1.1 <a@example.com>: Client host blocked using zen.spamhaus.org", "blocked")]
    [InlineData("552 5.1.1 sorry, mailbox a@example.org is over quota temporarily", "mailboxfull")]
    public void An_addressing_code_says_user_unknown_unless_the_text_says_otherwise(string diagnostic, string reason) =>
        Assert.Equal(reason, Classify(diagnostic).Reason);

    [Theory]
    [InlineData("550 5.2.1 <a@example.jp>... User Unknown", "RCPT", "userunknown")]
    [InlineData("550 5.2.1 <a@example.jp>... User Unknown", null, "filtered")]
    [InlineData("550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]", null, "spamdetected")]
    public void Mailbox_status_codes_are_a_filter_unless_refused_at_rcpt(string diagnostic, string? command, string reason) =>
        Assert.Equal(reason, Classify(diagnostic, command).Reason);

    [Theory]
    [InlineData("554 5.7.1 Message content rejected, UBE", "DATA", "spamdetected")]
    [InlineData("550 5.7.1 Access denied", "MAIL", "rejected")]
    [InlineData("550 5.7.1 Access denied", "RCPT", "securityerror")]
    [InlineData("554 5.6.0 This message has been scored as spam with a probability of more than 90%", "DATA", "spamdetected")]
    [InlineData("554 5.6.0 Message corrupted", "DATA", "contenterror")]
    [InlineData("550 <a@example.jp>: Recipient address rejected.", "RCPT", "userunknown")]
    [InlineData("553 Sender verify failed", "MAIL", "rejected")]
    public void The_refused_command_decides_between_content_and_sender_verdicts(string diagnostic, string command, string reason) =>
        Assert.Equal(reason, Classify(diagnostic, command).Reason);

    [Theory]
    [InlineData("x-unix; procmail: Couldn't create \"/var/spool/mail/neko\": No such user", "5.1.1", "mailererror")]
    [InlineData("X-Postfix; Name service error for name=example.org type=MX: Malformed or unexpected name server reply", "5.4.4", "networkerror")]
    [InlineData("smtp; 550 5.4.312 Message expired, DNS query failed", null, "networkerror")]
    [InlineData("Sorry, I wasn't able to establish an SMTP connection. (#4.4.1) I'm not going to try again", null, "networkerror")]
    [InlineData("smtp; 451 4.3.0 Please try again later", null, "onhold")]
    [InlineData("smtp; 554 5.6.1 Improper use of 8-bit data", null, "contenterror")]
    [InlineData("smtp; 421 4.7.0 Try again in a few minutes", null, "greylisted")]
    [InlineData("smtp; 500 Command unrecognized", null, "syntaxerror")]
    public void Vague_codes_give_way_to_the_text_then_to_their_class(string diagnostic, string? dsn, string reason) =>
        Assert.Equal(reason, Classify(diagnostic, dsn: dsn).Reason);

    [Fact]
    public void A_delayed_dsn_without_a_reason_is_expired() =>
        Assert.Equal("expired", Classify("", action: "delayed", dsn: "4.0.0").Reason);

    [Theory]
    [InlineData("550 5.1.1 User unknown", true)]
    [InlineData("450 4.1.1 <a@example.org>: Recipient address rejected: User unknown in virtual alias table", true)]
    [InlineData("550 5.1.2 Host unknown", true)]
    [InlineData("550 5.1.6 Recipient no longer on server", true)]
    [InlineData("556 5.1.10 Recipient address has null MX", true)]
    [InlineData("Recipient is a known spam trap", true)]
    [InlineData("550 5.2.1 The email account that you tried to reach is disabled", false)]
    [InlineData("552 5.2.2 Mailbox full", false)]
    [InlineData("550 5.7.26 Unauthenticated email is not accepted due to domain's DMARC policy", false)]
    [InlineData("554 5.4.6 Hop count exceeded - possible mail loop", false)]
    public void Address_is_dead_only_for_reasons_that_condemn_the_address(string diagnostic, bool dead) =>
        Assert.Equal(dead, Classify(diagnostic).AddressIsDead);

    [Theory]
    [InlineData("No MX found for domain", "4.0.0", true)] // the delayed DSN's status is the sending MTA's, not the server's
    [InlineData("451 4.3.2 No MX found for domain, try later", "4.0.0", false)]
    [InlineData("No MX found for domain, temporary failure", "4.0.0", false)]
    [InlineData("", "4.3.2", false)]
    public void A_null_mx_condemns_the_address_unless_the_server_says_temporary(string diagnostic, string dsn, bool dead) =>
        Assert.Equal(dead, Classify(diagnostic, action: "delayed", dsn: dsn).AddressIsDead);
}
