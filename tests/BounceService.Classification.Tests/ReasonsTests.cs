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
    [InlineData("undefined", "recipient")]
    public void ScopeOf_says_whose_fault_a_reason_is(string reason, string scope) =>
        Assert.Equal(scope, Reasons.ScopeOf(reason));
}
