namespace BounceService.Classification.Tests;

/// <summary>The examples of the AcelleMail bounce guide (shared/reference), classified as the guide does.</summary>
public class AcelleMailGuideTests
{
    [Theory]
    [InlineData("550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.",
        "5.1.1", "hard", "userunknown", "recipient")]
    [InlineData("550 5.2.2 The email account that you tried to reach is over quota. Please direct the recipient to learn more.",
        "5.2.2", "soft", "mailboxfull", "recipient")]
    [InlineData("550 5.7.1 Message rejected not authenticated",
        "5.7.1", "hard", "authfailure", "sender")]
    [InlineData("550 5.2.5 The message exceeded the maximum size allowed by the recipient's server",
        "5.2.5", "hard", "mesgtoobig", "message")]
    public void Bounce_log_screenshot_rows_classify_as_the_guide_shows(
        string diagnostic, string dsn, string kind, string reason, string scope)
    {
        var result = Bounces.Classify(diagnostic);
        Assert.Equal((dsn, 550), (result.Dsn, result.SmtpCode));
        Assert.Equal((kind, reason, scope), (result.Kind, result.Reason, result.Scope));
    }

    [Theory]
    [InlineData("550 5.1.10 Recipient address rejected (NoSuchUser)", "hard", "recipient")]
    [InlineData("550 5.2.0 Mailbox issue (often locked)", "hard", "recipient")]
    [InlineData("550 5.4.1 Recipient address rejected (domain doesn't exist)", "hard", "recipient")]
    [InlineData("550 5.4.4 DNS resolution failure", "hard", "recipient")]
    [InlineData("550 5.7.1 Message rejected - not authenticated", "hard", "sender")]
    [InlineData("550 5.7.9 Delivery not authorized", "hard", "sender")]
    [InlineData("452 4.2.2 Mailbox quota exceeded", "soft", "recipient")]
    [InlineData("452 4.3.1 Server out of disk space", "soft", "recipient")]
    [InlineData("421 4.4.1 Connection timeout", "soft", "recipient")]
    [InlineData("452 4.5.3 Too many recipients in this connection", "soft", "sender")]
    [InlineData("451 4.7.0 Greylisted - retry later", "soft", "recipient")]
    public void Dsn_code_table_rows_classify_as_the_guide_says(string diagnostic, string kind, string scope)
    {
        var result = Bounces.Classify(diagnostic);
        Assert.Equal((kind, scope), (result.Kind, result.Scope));
    }
}
