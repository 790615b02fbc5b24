namespace BounceService.Classification.Tests;

public class SmtpCommandsTests
{
    [Theory]
    [InlineData("host mx.example.jp[192.0.2.1] said: 550 Unknown user (in reply to end of DATA command)", "DATA")]
    [InlineData("SMTP error from remote mail server after end of data: host x [192.0.2.1]: 550 : User unknown", "DATA")]
    [InlineData("SMTP error from remote mail server after RCPT TO:<a@example.jp>: 550 User unknown", "RCPT")]
    [InlineData("... while talking to mx.example.jp.:\n>>> RCPT To:<a@example.jp>\n<<< 550 User unknown", "RCPT")]
    [InlineData(">>> MAIL From:<b@example.org>\n<<< 250 ok\n>>> DATA\n<<< 550 User unknown", "DATA")]
    [InlineData("Remote host said: 550 5.2.1 <a@example.jp>... User Unknown [RCPT_TO]", "RCPT")]
    [InlineData("SMTP:RCPT host 192.0.2.8: 553 5.3.0 <a@example.jp>... No such user here", "RCPT")]
    [InlineData("Additional RCPT TO generated following response: 550 no such user", "RCPT")]
    [InlineData("Server response to MAIL FROM: 550 Sender address rejected", "MAIL")]
    [InlineData("DATA command generated response: 554 Message rejected", "DATA")]
    [InlineData("550 5.1.1 User unknown", null)]
    [InlineData("The error that the other server returned was: 550 550 <a@example.jp>: User unknown (state 14).", "RCPT")]
    [InlineData("The error that the other server returned was: 550 550 Unknown user a@example.jp (state 18).", "DATA")]
    [InlineData("PERM_FAILURE: SMTP Error (state 9): 454 TLS missing certificate", null)]
    public void Find_names_the_refused_command(string text, string? command) =>
        Assert.Equal(command, SmtpCommands.Find(text));

    [Fact]
    public void User_unknown_after_data_is_filtered_and_leaves_the_address_alone()
    {
        var result = Classifier.Classify(new BounceInput(EventTypes.Bounce, Diagnostic: "550 Unknown user a@example.jp", SmtpCommand: "DATA"));
        Assert.Equal(("hard", "filtered", "message"), (result.Kind, result.Reason, result.Scope));
    }

    [Theory]
    [InlineData("550 User unknown", "recipient")]
    [InlineData("550 Requested action not taken: mailbox unavailable, no such user", "recipient")]
    [InlineData("550 User unknown (in reply to end of DATA command)", "message")]
    public void User_unknown_with_no_command_named_still_flips_the_subscriber(string diagnostic, string scope)
    {
        // Sisimai's reason (filtered) is kept for agreement; only an answer known to follow DATA leaves the address alone.
        var result = Bounces.Classify(diagnostic);
        Assert.Equal(("hard", "filtered", scope), (result.Kind, result.Reason, result.Scope));
    }

    [Theory]
    [InlineData("550 Unknown user a@example.jp (in reply to RCPT TO command)", "userunknown")]
    [InlineData("550 5.1.1 Unknown user a@example.jp (in reply to end of DATA command)", "userunknown")]
    [InlineData("550 Unknown user a@example.jp (in reply to end of DATA command)", "filtered")]
    public void Only_an_X_1_x_code_or_RCPT_makes_user_unknown_condemn_the_address(string diagnostic, string reason) =>
        Assert.Equal(reason, Bounces.Classify(diagnostic).Reason);

    [Theory]
    [InlineData("550 5.4.6 Routing loop detected")]
    [InlineData("550 5.4.316 Message expired, connection refused")]
    public void Dead_address_codes_keep_recipient_scope_beside_a_delivery_path_reason(string diagnostic) =>
        Assert.Equal(("hard", "recipient"), (Bounces.Classify(diagnostic).Kind, Bounces.Classify(diagnostic).Scope));

    [Theory]
    [InlineData("554 Transaction failed")]
    [InlineData("550 5.3.5 Internal System Error")]
    [InlineData("550 5.0.0 Delivery failed")]
    public void Class_5_delivery_path_failures_are_message_scope(string diagnostic) =>
        Assert.Equal(("hard", "message"), (Bounces.Classify(diagnostic).Kind, Bounces.Classify(diagnostic).Scope));

    [Fact]
    public void A_failed_dsn_with_a_temporary_network_code_has_expired()
    {
        var result = Classifier.Classify(new BounceInput(EventTypes.Bounce, DsnCode: "4.4.1", Diagnostic: "connect to x[192.0.2.1]:25: Connection timed out", Action: "failed"));
        Assert.Equal(("soft", "expired"), (result.Kind, result.Reason));
    }
}
