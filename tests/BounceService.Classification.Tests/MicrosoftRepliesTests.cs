namespace BounceService.Classification.Tests;

/// <summary>Microsoft's many codes with its own wording pin the cause; code and wording must both match.</summary>
public class MicrosoftRepliesTests
{
    [Theory]
    [InlineData("550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/", "blocked")]
    [InlineData("451 4.7.650 The mail server [192.0.2.5] has been temporarily rate limited due to IP reputation.", "badreputation")]
    [InlineData("550 5.7.509 Access denied, sending domain example.com does not pass DMARC verification", "authfailure")]
    [InlineData("550 5.7.504 Recipient address rejected: Access denied", "suspend")]
    [InlineData("550 5.5.0 Requested action not taken: mailbox unavailable (-0000000022:2222:-0000000022)", "userunknown")]
    [InlineData("452 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded", "speeding")]
    public void Microsofts_code_and_words_decide(string diagnostic, string reason) =>
        Assert.Equal(reason, Bounces.Classify(diagnostic).Reason);

    [Fact]
    public void The_words_under_another_code_do_not_count() =>
        // 5.7.606-649 is the banned-IP range; 5.7.1 with the same words is left to the general rules.
        Assert.NotEqual("suspend", Bounces.Classify("550 5.7.1 Recipient address rejected: Access denied").Reason);

    [Theory]
    [InlineData("access denied, banned sending ip [192.0.2.1] ", "5.7.620", Reasons.Blocked)] // in a range, named nowhere exactly
    [InlineData("access denied, banned sending ip [192.0.2.1] ", "5.7.650", null)] // past the range's end
    [InlineData("recipient address reserved by rfc 2606 ", "5.1.4", Reasons.UserUnknown)] // a range over an exactly named status
    [InlineData("server busy. please try again later from [192.0.2.1] ", "4.7.500", Reasons.SystemError)]
    // Both a range's words and the status's own: the row listed first wins, as the table reads.
    [InlineData("access denied, please try again later. server busy. please try again later from [192.0.2.1] ", "4.7.500", Reasons.Blocked)]
    public void A_reply_reads_the_rows_its_status_falls_in_in_table_order(string prepared, string dsn, string? reason) =>
        Assert.Equal(reason, MicrosoftReplies.ReasonOf(prepared, dsn));
}
