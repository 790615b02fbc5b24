namespace BounceService.Classification.Tests;

public class CodeRulesTests
{
    [Theory]
    [InlineData("5.1.1", "userunknown")]
    [InlineData("5.1.2", "hostunknown")]
    [InlineData("5.1.10", "notaccept")]
    [InlineData("5.2.1", "filtered")]
    [InlineData("5.2.2", "mailboxfull")]
    [InlineData("4.2.2", "mailboxfull")]
    [InlineData("5.2.3", "mesgtoobig")]
    [InlineData("5.3.4", "mesgtoobig")]
    [InlineData("5.4.4", "hostunknown")]
    [InlineData("5.4.7", "expired")]
    [InlineData("4.4.7", "expired")]
    [InlineData("5.7.1", "securityerror")]
    [InlineData("4.7.1", "blocked")]
    [InlineData("5.7.7", "authfailure")]
    [InlineData("5.7.25", "requireptr")]
    [InlineData("5.7.26", "authfailure")]
    [InlineData("5.7.28", "spamdetected")]
    [InlineData("5.7.29", "authfailure")]
    [InlineData("5.7.30", "securityerror")]
    public void ReasonOf_gives_the_reason_a_code_names(string dsn, string reason) =>
        Assert.Equal(reason, CodeRules.ReasonOf(dsn));

    [Theory]
    [InlineData("5.0.0")]
    [InlineData("4.3.0")]
    [InlineData("4.7.0")]
    [InlineData("5.1.99")]
    [InlineData(null)]
    public void ReasonOf_gives_null_for_a_code_that_names_no_reason(string? dsn) =>
        Assert.Null(CodeRules.ReasonOf(dsn));
}
