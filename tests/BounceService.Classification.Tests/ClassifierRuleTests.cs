namespace BounceService.Classification.Tests;

/// <summary>The exact rules of design.md section 2, one theory per rule.</summary>
public class ClassifierRuleTests
{
    [Theory]
    [InlineData("550 5.2.2 The email account that you tried to reach is over quota.", null)]
    [InlineData("552 5.2.2 Mailbox full", null)]
    [InlineData(null, "5.2.2")]
    [InlineData("552 Requested mail action aborted: exceeded storage allocation", null)]
    [InlineData("452 4.2.2 The email account that you tried to reach is over quota.", null)]
    [InlineData(null, "4.2.2")]
    public void Mailbox_full_is_soft_whatever_the_class(string? diagnostic, string? dsn)
    {
        var result = Bounces.Classify(diagnostic, dsn: dsn);
        Assert.Equal(("soft", "mailboxfull"), (result.Kind, result.Reason));
    }

    [Theory]
    [InlineData("5.1.0")]
    [InlineData("5.1.1")]
    [InlineData("5.1.2")]
    [InlineData("5.1.10")]
    [InlineData("5.2.0")]
    [InlineData("5.2.1")]
    [InlineData("5.4.0")]
    [InlineData("5.4.1")]
    [InlineData("5.4.4")]
    [InlineData("5.4.6")]
    public void Dead_address_codes_are_recipient_scope_hard(string dsn)
    {
        var result = Bounces.Classify(dsn: dsn);
        Assert.Equal(("hard", "recipient"), (result.Kind, result.Scope));
    }

    [Theory]
    [InlineData("550 5.1.1 <a@example.com>: Recipient address rejected: User unknown in virtual mailbox table")]
    [InlineData("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")]
    [InlineData("550 5.2.0 Mailbox locked")]
    [InlineData("550 5.2.1 The email account that you tried to reach is disabled.")]
    [InlineData("550 5.4.1 Recipient address rejected: Access denied")]
    [InlineData("550 5.4.4 Unrouteable address")]
    public void Dead_address_replies_are_recipient_scope_hard(string diagnostic)
    {
        var result = Bounces.Classify(diagnostic);
        Assert.Equal(("hard", "recipient"), (result.Kind, result.Scope));
    }

    [Theory]
    [InlineData("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", "userunknown")]
    [InlineData("550 5.4.1 Recipient address rejected: domain doesn't exist", "hostunknown")]
    [InlineData("550 5.4.4 DNS resolution failure", "hostunknown")]
    [InlineData("Domain does not exist", "hostunknown")]
    public void Dead_address_reason_follows_the_text(string diagnostic, string reason) =>
        Assert.Equal(reason, Bounces.Classify(diagnostic).Reason);

    [Theory]
    [InlineData("550 5.7.1 Message rejected not authenticated", "authfailure")]
    [InlineData("550 5.7.1 Delivery not authorized, message refused", "rejected")]
    [InlineData("550 5.7.1 Email rejected due to security policies", "policyviolation")]
    [InlineData("554 5.7.1 Service unavailable; Client host [5.79.64.12] blocked using zen.spamhaus.org", "blocked")]
    [InlineData("554 5.7.1 <a@example.com>: Relay access denied", "norelaying")]
    [InlineData("550 5.7.7 Message integrity failure", "authfailure")]
    [InlineData("550 5.7.23 SPF validation failed", "authfailure")]
    [InlineData("550 5.7.25 Reverse DNS validation failed", "requireptr")]
    [InlineData("550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy.", "authfailure")]
    [InlineData("5.7.0", "securityerror")]
    [InlineData("5.7.1", "securityerror")]
    [InlineData("5.7.7", "authfailure")]
    [InlineData("5.7.26", "authfailure")]
    public void Security_and_policy_codes_are_sender_scope(string diagnostic, string reason)
    {
        var result = Bounces.Classify(diagnostic);
        Assert.Equal(("hard", reason, "sender"), (result.Kind, result.Reason, result.Scope));
    }

    [Theory]
    [InlineData(null, "5.2.3", "hard")]
    [InlineData(null, "5.3.4", "hard")]
    [InlineData("552 5.2.3 Message size exceeds maximum permitted", null, "hard")]
    [InlineData("552 5.3.4 Message too big for system", null, "hard")]
    [InlineData("550 5.2.5 The message exceeded the maximum size allowed", null, "hard")]
    [InlineData("552 Message size exceeds fixed maximum message size", null, "hard")]
    [InlineData("Message too large", null, "hard")]
    [InlineData("452 4.3.4 Message too big for system", null, "soft")]
    public void Oversized_message_is_message_scope_mesgtoobig(string? diagnostic, string? dsn, string kind)
    {
        var result = Bounces.Classify(diagnostic, dsn: dsn);
        Assert.Equal((kind, "mesgtoobig", "message"), (result.Kind, result.Reason, result.Scope));
    }

    [Theory]
    [InlineData("550 5.7.1 Recipient address is a known spam trap")]
    [InlineData("554 Delivery to a honeypot address refused")]
    [InlineData("Spamtrap hit")]
    public void Spam_trap_reply_is_recipient_scope_spamtrap(string diagnostic)
    {
        var result = Bounces.Classify(diagnostic);
        Assert.Equal(("hard", "spamtrap", "recipient"), (result.Kind, result.Reason, result.Scope));
    }

    [Theory]
    [InlineData(null, "4.7.0")]
    [InlineData("451 4.7.0 Greylisted, please try again later", null)]
    [InlineData("450 4.2.0 <a@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.com.html", null)]
    [InlineData("451 4.7.1 Greylisting in action, please come back later", null)]
    [InlineData("Greylisted for 5 minutes", null)]
    public void Greylisting_is_soft_greylisted(string? diagnostic, string? dsn)
    {
        var result = Bounces.Classify(diagnostic, dsn: dsn);
        Assert.Equal(("soft", "greylisted"), (result.Kind, result.Reason));
    }

    [Theory]
    [InlineData("Transient", "550 5.1.1 User unknown", "hard")]
    [InlineData("Permanent", "550 5.2.2 The email account that you tried to reach is over quota.", "soft")]
    [InlineData("HardBounce", "421 4.4.1 Connection timed out", "soft")]
    [InlineData("SoftBounce", "554 Transaction failed", "hard")]
    public void Codes_beat_a_disagreeing_provider_label_and_the_disagreement_is_kept(string label, string diagnostic, string kind)
    {
        var result = Bounces.Classify(diagnostic, label: label);
        Assert.Equal(kind, result.Kind);
        Assert.NotNull(result.LabelDisagreement);
        Assert.Contains(label, result.LabelDisagreement);
    }

    [Theory]
    [InlineData("Permanent", "550 5.1.1 User unknown")]
    [InlineData("Transient", "452 4.2.2 Mailbox full")]
    [InlineData("Undetermined", "550 5.1.1 User unknown")]
    [InlineData("Something new", "421 4.4.1 Connection timed out")]
    public void Agreeing_or_unknown_provider_label_records_no_disagreement(string label, string diagnostic) =>
        Assert.Null(Bounces.Classify(diagnostic, label: label).LabelDisagreement);
}
