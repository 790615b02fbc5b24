namespace BounceService.Classification.Tests;

/// <summary>Google words causes precisely under codes that say little; its words decide where Google signs the reply.</summary>
public class GmailRepliesTests
{
    [Theory]
    [InlineData("421-4.7.0 This message is suspicious due to the very low reputation of the sending IP address. https://support.google.com/mail/answer/188131 gsmtp", "badreputation")]
    [InlineData("421-4.7.0 [192.0.2.1] The IP address sending this message does not have a PTR record setup. https://support.google.com/mail/answer/81126 gsmtp", "requireptr")]
    [InlineData("550-5.7.1 Our system has detected an unusual rate of unsolicited mail originating from your IP address. gsmtp", "blocked")]
    [InlineData("450-4.2.1 The user you are trying to contact is receiving mail too quickly. https://support.google.com/mail/answer/22839 gsmtp", "speeding")]
    [InlineData("550-5.7.1 Messages missing a valid Message-ID: header are not accepted. https://support.google.com/mail/?p=RfcMessageNonCompliant gsmtp", "notcompliantrfc")]
    public void Googles_words_decide_under_vague_codes(string diagnostic, string reason) =>
        Assert.Equal(reason, Bounces.Classify(diagnostic).Reason);

    [Fact]
    public void Without_googles_signature_the_vague_code_stands() =>
        // Another server's 4.7.0 "try again later" is how greylisting answers (AcelleMail guide).
        Assert.Equal("greylisted", Bounces.Classify("421 4.7.0 Try again later, closing connection.").Reason);

    [Fact]
    public void Googles_daily_quota_for_its_own_sender_stays_on_hold() =>
        // Sisimai reads Google's table only for Google's receiving MX; the sender's own quota never comes from there.
        Assert.Equal("onhold", Bounces.Classify("550 5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits go to https://support.google.com/a/answer/166852 - gsmtp").Reason);
}
