namespace BounceService.Classification.Tests;

public class ReasonsTests
{
    [Theory]
    [InlineData("userunknown", "recipient")]
    [InlineData("hostunknown", "recipient")]
    [InlineData("mailboxfull", "recipient")]
    [InlineData("spamtrap", "recipient")]
    [InlineData("mesgtoobig", "message")]
    [InlineData("spamdetected", "message")]
    [InlineData("authfailure", "sender")]
    [InlineData("blocked", "sender")]
    [InlineData("policyviolation", "sender")]
    [InlineData("suspend", "recipient")]
    [InlineData("notaccept", "recipient")]
    [InlineData("undefined", "recipient")]
    // A filter's refusal or the receiving mailer's failure is never the address's fault.
    [InlineData("filtered", "message")]
    [InlineData("mailererror", "message")]
    public void ScopeOf_says_whose_fault_a_reason_is(string reason, string scope) =>
        Assert.Equal(scope, Reasons.ScopeOf(reason));

    [Theory]
    [InlineData("undefined", true)]
    [InlineData("networkerror", true)]
    [InlineData("expired", true)]
    [InlineData("userunknown", false)]
    [InlineData("suspend", false)]
    public void IsDeliveryPath_tells_delivery_failures_from_verdicts_on_the_address(string reason, bool expected) =>
        Assert.Equal(expected, Reasons.IsDeliveryPath(reason));
}
