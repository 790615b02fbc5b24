namespace BounceService.Classification.Tests;

/// <summary>The sending MTA's own words decide the reason: it knows why it gave up.</summary>
public class MtaPhrasesTests
{
    [Theory]
    [InlineData("all relevant MX records point to non-existent hosts", "hostunknown")] // Exim
    [InlineData("retry timeout exceeded", "expired")] // Exim
    [InlineData("Message 1rz8QZ-0004TW-1s has been frozen by the system filter.", "expired")] // Exim
    [InlineData("SMTP error from remote mail server after MAIL FROM:<a@example.jp> SIZE=1234: host mx.example.net [192.0.2.1]: 553 Sorry, your envelope sender is in my badmailfrom list.", "rejected")] // Exim, MXLogic
    [InlineData("SMTP error from remote mail server after EHLO mx.example.jp: host mx.example.net [192.0.2.1]: 550 Go away", "blocked")] // Exim, MXLogic
    [InlineData("Delay reason: SMTP error from remote mail server after RCPT TO:<a@example.net>: host mx.example.net [192.0.2.1]: 451 4.3.0 Temporary lookup failure", "expired")] // Exim, MXLogic
    [InlineData("Connected to 192.0.2.1 but sender was rejected. Remote host said: 553 no", "rejected")] // qmail
    [InlineData("Sorry, no mailbox here by that name. (#5.1.1)", "userunknown")] // qmail
    [InlineData("Sorry, I couldn't find any host named example.jp. (#5.1.2)", "hostunknown")] // qmail
    [InlineData("Envelope expired", "expired")] // OpenSMTPD
    [InlineData("I'm sorry to have to inform you that your message could not be delivered to one or more recipients. --- Delivery report unavailable ---", "undefined")] // Postfix
    [InlineData("554 5.7.0 Reject, id=12345 - INFECTED: Eicar-Test-Signature", "virusdetected")] // Amavis
    [InlineData("DNS Error: Domain name not found", "hostunknown")] // Gmail
    [InlineData("The user(s) account is temporarily over quota", "mailboxfull")] // au (EZweb)
    [InlineData("A few more details on why you weren't able to post: * You might have spelled or formatted the group name incorrectly.", "rejected")] // Google Groups
    [InlineData("A few more details on why you weren't able to post: * You may need to join the group before receiving permission to post.", "onhold")] // Google Groups
    [InlineData("550 5.1.1 RCP-P1 The attempted recipient address does not exist", "userunknown")] // Facebook
    [InlineData("452 4.5.3 CON-T4 Your mail server has exceeded the maximum number of recipients for its current connection", "toomanyconn")] // Facebook
    [InlineData("Error, ERROR_CODE :421, ERROR_CODE :, Host not reachable.", "expired")] // Zoho
    [InlineData("The message exeeded the maximum size the user accepts. (#5.2.3)", "exceedlimit")] // qmail-ldap
    [InlineData("Unable to contact LDAP server. (#4.4.3) I'm not going to try again; this message has been in the queue too long.", "systemerror")] // qmail-ldap
    [InlineData("Unknown user: kijitora@example.com", "userunknown")] // IMail
    [InlineData("Delivery failed 5 attempts: kijitora@example.com", "expired")] // IMail
    [InlineData("DNS lookup failure: host neko.example.invalid not found", "hostunknown")] // DragonFly Mail Agent
    [InlineData("Could not deliver for the last 432000 seconds. Giving up.", "expired")] // DragonFly Mail Agent
    [InlineData("Your message to <a@example.org> was automatically rejected: Mailbox doesn't exist: a", "userunknown")] // Dovecot
    [InlineData("maildrop: Invalid user specified.", "userunknown")] // maildrop
    public void The_mtas_own_words_decide(string diagnostic, string reason) =>
        Assert.Equal(reason, Bounces.Classify(diagnostic).Reason);

    // qmail gave up on a recipient it had been refused temporarily: not known to be unknown (Sisimai's onholdpair),
    // and the server's reply still decides where it says why.
    [Theory]
    [InlineData("192.0.2.4 does not like recipient. Remote host said: 451 4.3.0 Temporary lookup failure Giving up on 192.0.2.4. I'm not going to try again; this message has been in the queue too long.", "onhold")]
    [InlineData("192.0.2.4 does not like recipient. Remote host said: 452 4.2.2 Mailbox full Giving up on 192.0.2.4. I'm not going to try again; this message has been in the queue too long.", "mailboxfull")]
    [InlineData("192.0.2.4 does not like recipient. Remote host said: 550 5.1.1 User unknown Giving up on 192.0.2.4.", "userunknown")]
    public void Qmails_refusal_until_the_queue_gave_up_is_on_hold(string diagnostic, string reason) =>
        Assert.Equal(reason, Bounces.Classify(diagnostic).Reason);

    [Fact]
    public void A_test_earlier_in_the_order_still_wins_over_a_loose_reason() =>
        // qmail's "does not like recipient" says userunknown, but the text says the mailbox is full, which is tried first.
        Assert.Equal("mailboxfull", Bounces.Classify("552 5.2.2 mailbox full: does not like recipient.").Reason);

    [Theory]
    [InlineData("The error that the other server returned was: 500 Remote server does not support TLS (state 6).", "systemerror")]
    [InlineData("The error that the other server returned was: 550 550 <a@example.jp>: User unknown (state 14).", "userunknown")]
    [InlineData("The error that the other server returned was: 554 554 5.7.0 Header error (state 18).", "filtered")]
    [InlineData("The error that the other server returned was: 450 450 4.2.2 <a@example.jp>... Mailbox Full (state 14).", "mailboxfull")]
    [InlineData("The error that the other server returned was: 550 550 5.1.10 <a@example.jp>: Recipient address rejected (state 14).", "notaccept")]
    // The state before Gmail's words: its delay notice holds a state too.
    [InlineData("Delivery to the following recipient has been delayed: The error that the other server returned was: 454 454 TLS missing certificate (#4.3.0) (state 9).", "systemerror")]
    public void Gmails_session_state_gives_the_reason_unless_a_precise_code_does(string diagnostic, string reason) =>
        // 5.7.0 and 4.3.0 are vague and leave the state's reason; 4.2.2 and 5.1.10 are precise and override it (Sisimai 5's Lhost/Gmail).
        Assert.Equal(reason, Bounces.Classify(diagnostic).Reason);

    [Fact]
    public void Another_mtas_state_is_not_gmails() =>
        // X3 writes "SMTP Error (state 6):" with its own states; Gmail's "(state 6)." would say systemerror.
        Assert.NotEqual("systemerror", Bounces.Classify("PERM_FAILURE: SMTP Error (state 6): 500 Remote server does not support TLS").Reason);
}
