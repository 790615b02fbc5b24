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
    public void Match_gives_the_first_matching_rule(string text, string reason, string kind) =>
        Assert.Equal((reason, kind), TextRules.Match(text));

    [Theory]
    [InlineData("The remote server said nothing useful")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Match_gives_null_for_unrecognised_text(string? text) =>
        Assert.Null(TextRules.Match(text));
}
