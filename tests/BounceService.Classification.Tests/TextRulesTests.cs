namespace BounceService.Classification.Tests;

public class TextRulesTests
{
    [Theory]
    [InlineData("Recipient is a known spam trap", "spamtrap", "hard")]
    [InlineData("Rejected by DMARC policy for example.com", "authfailure", "hard")]
    [InlineData("Greylisted, please try again later", "greylisted", "soft")]
    [InlineData("Mailbox is full", "mailboxfull", "soft")]
    [InlineData("Message too large", "mesgtoobig", "hard")]
    [InlineData("No such user here", "userunknown", "hard")]
    [InlineData("Client host blocked using zen.spamhaus.org", "blocked", "hard")]
    [InlineData("Connection timed out", "networkerror", "soft")]
    // A named cause beats the "blocked" or "rejected" that shares its sentence.
    [InlineData("very low reputation of the sending IP address, the message has been blocked", "badreputation", "soft")]
    [InlineData("Connection frequency limited. Blocked IP 192.0.2.22", "toomanyconn", "soft")]
    [InlineData("This message is not RFC 5322 compliant; it has been blocked", "notcompliantrfc", "hard")]
    [InlineData("Recipient address rejected: User a@example.com temporary locked", "suspend", "hard")]
    [InlineData("Mailbox is frozen", "suspend", "hard")]
    [InlineData("No MX found for domain", "notaccept", "hard")]
    [InlineData("Host not found, try again", "networkerror", "soft")]
    [InlineData("Unrouteable address", "hostunknown", "hard")]
    [InlineData("This system is not configured to relay mail", "norelaying", "hard")]
    [InlineData("Message content rejected, UBE", "spamdetected", "hard")]
    [InlineData("Message content rejected", "contenterror", "hard")]
    [InlineData("x-unix; procmail: Couldn't create /var/spool/mail/a", "mailererror", "soft")]
    [InlineData("x-unix; Disk quota exceeded", "mailboxfull", "soft")]
    [InlineData("Command parameter not implemented", "syntaxerror", "hard")]
    [InlineData("Service currently unavailable", "systemerror", "soft")]
    public void Match_gives_the_first_matching_rule(string text, string reason, string kind) =>
        Assert.Equal((reason, kind), TextRules.Match(text));

    [Theory]
    [InlineData("The remote server said nothing useful")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Match_gives_null_for_unrecognised_text(string? text) =>
        Assert.Null(TextRules.Match(text));
}
