namespace BounceService.Classification.Tests;

public class CodeRulesTests
{
    [Theory]
    [InlineData("5.1.1", "userunknown", true)]
    [InlineData("5.1.10", "notaccept", false)]
    [InlineData("5.2.2", "mailboxfull", true)]
    [InlineData("4.2.2", "mailboxfull", true)]
    [InlineData("5.2.3", "mesgtoobig", true)]
    [InlineData("5.3.4", "mesgtoobig", true)]
    [InlineData("5.4.4", "hostunknown", true)]
    [InlineData("5.7.1", "policyviolation", false)]
    [InlineData("5.7.7", "authfailure", true)]
    [InlineData("5.7.26", "authfailure", true)]
    [InlineData("4.7.0", "greylisted", false)]
    [InlineData("5.7.0", "securityerror", false)]
    public void Lookup_gives_the_reason_of_a_known_code(string dsn, string reason, bool specific) =>
        Assert.Equal((reason, specific), CodeRules.Lookup(dsn));

    [Theory]
    [InlineData("5.1.99", "userunknown")]
    [InlineData("5.7.99", "securityerror")]
    [InlineData("4.4.99", "networkerror")]
    public void Unknown_detail_falls_back_to_the_subject_and_is_not_specific(string dsn, string reason) =>
        Assert.Equal((reason, false), CodeRules.Lookup(dsn));
}
