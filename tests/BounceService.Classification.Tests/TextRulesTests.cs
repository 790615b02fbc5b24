namespace BounceService.Classification.Tests;

/// <summary>One real-world phrasing (or more) per reason family, read without codes.</summary>
public class TextRulesTests
{
    [Theory]
    [InlineData("Recipient is a known spam trap", "spamtrap", "hard")]
    [InlineData("Greylisted, please try again later", "greylisted", "soft")]
    [InlineData("Mailbox is full", "mailboxfull", "soft")]
    [InlineData("Delivery failed: Over quota", "mailboxfull", "soft")]
    [InlineData("452 4.2.2 The user a@example.jp is over their storage quota", "mailboxfull", "soft")]
    [InlineData("550 Not enough free space in the mailbox of a@example.jp", "mailboxfull", "soft")]
    [InlineData("Local delivery failed: write error: No space left on device", "mailboxfull", "soft")]
    [InlineData("Message too large", "mesgtoobig", "hard")]
    [InlineData("552 Message size exceeds fixed maximum message size", "mesgtoobig", "hard")]
    [InlineData("552 5.3.4 Message exceeded the maximum incoming message size", "mesgtoobig", "hard")]
    [InlineData("552 Message of 31457280 bytes exceeds the size limit of this server", "mesgtoobig", "hard")]
    [InlineData("552 5.3.4 Your message size (31457280) would exceed the limit", "mesgtoobig", "hard")]
    [InlineData("Message header size exceeds limit", "exceedlimit", "hard")]
    [InlineData("Recipient address rejected: User a@example.com temporary locked", "suspend", "hard")]
    [InlineData("Mailbox is frozen", "suspend", "hard")]
    [InlineData("The recipient account is blocked", "suspend", "hard")]
    [InlineData("<a@example.com> has been replaced by <b@example.org>", "hasmoved", "hard")]
    [InlineData("No such user here", "userunknown", "hard")]
    [InlineData("RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", "userunknown", "hard")]
    [InlineData("This user doesn't have a example.com account", "userunknown", "hard")]
    [InlineData("550 5.1.1 Die Nachricht konnte nicht zugestellt werden, weil die Adresse nicht gefunden wurde oder keine E-Mails empfangen kann", "userunknown", "hard")]
    [InlineData("550 5.1.1 Recipient a@example.jp does not exist here", "userunknown", "hard")]
    [InlineData("550 5.1.1 Invalid user specified", "userunknown", "hard")]
    [InlineData("550 5.1.1 No such email address", "userunknown", "hard")]
    [InlineData("550 5.1.1 The address a@example.jp is no longer in service", "userunknown", "hard")]
    [InlineData("Message rejected due to user rules", "filtered", "hard")]
    [InlineData("Unrouteable address", "hostunknown", "hard")]
    [InlineData("550 5.1.2 Domain example.invalid does not exist", "hostunknown", "hard")]
    [InlineData("550 Domain mentioned in email address is unknown", "hostunknown", "hard")]
    [InlineData("Relaying denied", "norelaying", "hard")]
    [InlineData("Rejected by DMARC policy for example.com", "authfailure", "hard")]
    [InlineData("SPF check: fail", "authfailure", "hard")]
    [InlineData("Client host rejected: cannot find your hostname", "requireptr", "hard")]
    [InlineData("Domain example.com mismatches client IP 192.0.2.1", "requireptr", "hard")]
    [InlineData("This message is not RFC 5322 compliant; it has been blocked", "notcompliantrfc", "hard")]
    [InlineData("There are multiple Subject headers", "notcompliantrfc", "hard")]
    [InlineData("Our system has detected that this message is likely suspicious due to the very low reputation of the sending IP address", "badreputation", "soft")]
    [InlineData("554 IP=192.0.2.1 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL) none/bad reputation", "badreputation", "soft")]
    [InlineData("421 4.7.0 Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1", "badreputation", "soft")]
    [InlineData("Sender verify failed", "rejected", "hard")]
    [InlineData("Message content rejected, UBE", "spamdetected", "hard")]
    [InlineData("550 5.7.1 Message considered as spam by our filters", "spamdetected", "hard")]
    [InlineData("550 5.7.1 Our filter identified SPAM in this message", "spamdetected", "hard")]
    [InlineData("550 5.7.1 Message probably spam; please contact the postmaster", "spamdetected", "hard")]
    [InlineData("550 5.7.1 Mail score (12.3) over limit of 5.0", "spamdetected", "hard")]
    [InlineData("554 5.7.1 Unsolicited commercial email is not accepted here", "spamdetected", "hard")]
    [InlineData("Please try again slower", "speeding", "soft")]
    [InlineData("Connection frequency limited. Blocked IP 192.0.2.22", "toomanyconn", "soft")]
    [InlineData("Client host blocked using zen.spamhaus.org", "blocked", "hard")]
    [InlineData("Host mx.example.com refused to talk to me: 554 blocked", "blocked", "hard")]
    [InlineData("550 5.7.1 Your access IP 192.0.2.1 has been rejected", "blocked", "hard")]
    [InlineData("554 Connection from 192.0.2.1 dropped by policy", "blocked", "hard")]
    [InlineData("550 5.7.1 Mail from 192.0.2.1 refused by the recipient's server policy", "blocked", "hard")]
    [InlineData("554 5.7.1 The sending host 192.0.2.1 is blacklisted", "blocked", "hard")]
    [InlineData("550 5.7.1 Message blocked by the DNSBL zen.example.org", "blocked", "hard")]
    [InlineData("554 5.7.1 Mails from dynamic IP ranges are not accepted", "blocked", "hard")]
    [InlineData("554 5.7.1 Mail from your IP address is not accepted here", "blocked", "hard")]
    [InlineData("553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", "norelaying", "hard")]
    [InlineData("Email not accepted for policy reasons", "policyviolation", "hard")]
    [InlineData("Your message was infected with a virus", "virusdetected", "hard")]
    [InlineData("Authentication required", "securityerror", "hard")]
    [InlineData("Service currently unavailable", "systemerror", "soft")]
    [InlineData("451 4.3.0 Unable to connect to the local delivery daemon", "systemerror", "soft")]
    [InlineData("Host not found, try again", "networkerror", "soft")]
    [InlineData("Hop count exceeded - possible mail loop", "networkerror", "soft")]
    [InlineData("Connection timed out", "expired", "soft")]
    [InlineData("Retry timeout exceeded", "expired", "soft")]
    [InlineData("Message expired, no answer from the remote host", "expired", "soft")]
    [InlineData("Your message could not be delivered for 5 days", "expired", "soft")]
    [InlineData("Delivery to a@example.jp has expired", "expired", "soft")]
    [InlineData("The destination was not reached within the retry period", "expired", "soft")]
    [InlineData("Improper use of 8-bit data in message header", "contenterror", "hard")]
    [InlineData("Transaction failed: Duplicate header 'DKIM-Signature'", "contenterror", "hard")]
    [InlineData("Mail system full", "systemfull", "soft")]
    [InlineData("No MX found for domain", "notaccept", "hard")]
    [InlineData("Host does not accept mail", "notaccept", "hard")]
    [InlineData("Destination seem to reject all mails", "notaccept", "hard")]
    [InlineData("554 5.7.1 Mail receiving disabled for this domain", "notaccept", "hard")]
    [InlineData("No host found for existing SMTP connection", "notaccept", "hard")]
    [InlineData("No MX host found for example.jp", "notaccept", "hard")]
    [InlineData("The domain example.jp does not accept mail", "notaccept", "hard")]
    [InlineData("x-unix; procmail: Couldn't create /var/spool/mail/a", "mailererror", "soft")]
    public void Match_gives_the_first_reason_the_text_says(string text, string reason, string kind) =>
        Assert.Equal((reason, kind), TextRules.Match(text));

    [Theory]
    [InlineData("The remote server said nothing useful")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Match_gives_null_for_unrecognised_text(string? text) =>
        Assert.Null(TextRules.Match(text));

    [Fact]
    public void Phrases_in_order_must_come_in_that_order() =>
        Assert.Null(TextRules.Match("mismatches client IP, says domain example.com"));

    [Fact]
    public void A_phrase_that_rules_a_reason_out_wins_over_one_that_says_it() =>
        // "address rejected" says rejected (a sender refused), but not as "Recipient address rejected".
        Assert.NotEqual("rejected", TextRules.Match("Recipient address rejected: over the allowed number of hops")?.Reason);

    [Fact]
    public void Prepare_lowers_the_case_joins_lines_and_drops_repeated_reply_codes() =>
        Assert.Equal("550-5.7.1 this message is likely unsolicited mail. to reduce spam ",
            TextRules.Prepare("550-5.7.1 This message is likely\r\n550-5.7.1 unsolicited mail.  To reduce\n550 5.7.1 spam"));
}
