namespace BounceService.Classification.Tests;

public class ClassifierTests
{
    [Theory]
    [InlineData("5.0.0")]
    [InlineData("5.1.1")]
    [InlineData("5.3.0")]
    [InlineData("5.4.4")]
    [InlineData("5.6.0")]
    [InlineData("5.7.1")]
    public void Class_5_enhanced_code_is_hard(string dsn) =>
        Assert.Equal("hard", Bounces.Classify(dsn: dsn).Kind);

    [Theory]
    [InlineData("4.0.0")]
    [InlineData("4.1.1")]
    [InlineData("4.3.1")]
    [InlineData("4.4.1")]
    [InlineData("4.5.3")]
    [InlineData("4.7.1")]
    public void Class_4_enhanced_code_is_soft(string dsn) =>
        Assert.Equal("soft", Bounces.Classify(dsn: dsn).Kind);

    [Theory]
    [InlineData(450, "5.1.1", "hard")]
    [InlineData(550, "4.4.1", "soft")]
    public void Enhanced_code_class_beats_the_reply_code(int smtp, string dsn, string kind) =>
        Assert.Equal(kind, Bounces.Classify(smtp: smtp, dsn: dsn).Kind);

    [Theory]
    [InlineData("smtp; 554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>", "4.4.7", "4.4.2", 421)]
    [InlineData("550 4.4.7 QUEUE.Expired; message expired; last reply 441 4.4.1 Error communicating with target host", null, "4.4.1", 441)]
    [InlineData("554 5.4.7 Delivery expired (message too old) 450 4.2.0 Mailbox temporarily unavailable", null, "4.2.0", 450)]
    public void An_expiry_reports_the_last_reply_the_mta_got_and_stays_expired(string diagnostic, string? field, string status, int reply)
    {
        var result = Bounces.Classify(diagnostic, dsn: field);
        Assert.Equal((status, reply, "expired"), (result.Dsn, result.SmtpCode, result.Reason));
    }

    [Theory]
    [InlineData("smtp; 554 4.4.7 Message expired: unable to deliver in 840 minutes", "4.4.7", "4.4.7", 554)]
    [InlineData("smtp; 550 5.1.1 User unknown, then 421 4.4.2 Connection timed out", "5.1.1", "5.1.1", 550)]
    public void Without_an_expiry_or_a_quoted_reply_the_status_is_kept(string diagnostic, string field, string status, int reply)
    {
        var result = Bounces.Classify(diagnostic, dsn: field);
        Assert.Equal((status, reply), (result.Dsn, result.SmtpCode));
    }

    [Theory]
    [InlineData("Message rejected due to DMARC. Please see https://postmaster.comcast.net/smtp-error-codes.php#DM000001", "authfailure")]
    [InlineData("554 mx.example.jp 192.0.2.25 found on one or more DNSBLs, see https://postmaster.comcast.net/", "blocked")]
    [InlineData("SMTP error from remote mail server after RCPT TO:<a@example.org>: 550 zen.spamhaus.org Listed by CSS, see https://check.spamhaus.org/query/ip/192.0.2.25", "blocked")]
    [InlineData("554 Service unavailable; Client host [192.0.2.25] Listed by SBL", "blocked")]
    [InlineData("452 Insufficient disk space; try again later", "mailboxfull")]
    [InlineData("556 this server does not accept mail", "notaccept")]
    [InlineData("Reverse DNS failure : Try again later", "requireptr")]
    [InlineData("PTR lookup failure", "requireptr")]
    [InlineData("554 5.7.1 Mail Score (59) over MessageScoringUpperLimit (50) - send error reports to postmaster@example.net", "spamdetected")]
    [InlineData("451 4.2.0 Throttled - https://postmaster.comcast.net/smtp-error-codes.php#RL000010", "toomanyconn")]
    [InlineData("Too many sessions opened", "toomanyconn")]
    [InlineData("Too many emails sent on this session", "toomanyconn")]
    public void Newer_sisimai_phrases_name_their_reason(string diagnostic, string reason) =>
        Assert.Equal(reason, Bounces.Classify(diagnostic).Reason);

    [Theory]
    [InlineData("4.5.0", "smtp; 550 5.5.0 Service refuse. Veuillez essayer plus tard.", "5.5.0", "hard")]
    [InlineData("5.0.0", "smtp; 451 4.3.0 Temporary lookup failure", "4.3.0", "soft")]
    [InlineData("4.4.1", "smtp; connection refused by 192.0.2.1", "4.4.1", "soft")]
    public void The_servers_own_code_beats_a_field_of_another_class(string field, string diagnostic, string status, string kind)
    {
        var result = Bounces.Classify(diagnostic, dsn: field);
        Assert.Equal((status, kind), (result.Dsn, result.Kind));
    }

    [Theory]
    [InlineData(550, "Requested action not taken: mailbox unavailable", "hard")]
    [InlineData(450, "Requested action not taken: mailbox unavailable", "soft")]
    [InlineData(550, "Please try again later", "hard")]
    [InlineData(421, "No such user here", "soft")]
    [InlineData(554, null, "hard")]
    public void Without_enhanced_code_the_reply_code_decides(int smtp, string? diagnostic, string kind)
    {
        var result = Bounces.Classify(diagnostic, smtp: smtp);
        Assert.Null(result.Dsn);
        Assert.Equal(smtp, result.SmtpCode);
        Assert.Equal(kind, result.Kind);
    }

    [Theory]
    [InlineData("550 Requested action not taken: mailbox unavailable", 550, "hard")]
    [InlineData("452 Insufficient system storage, try again later", 452, "soft")]
    public void Reply_code_found_in_the_text_decides_too(string diagnostic, int smtp, string kind)
    {
        var result = Bounces.Classify(diagnostic);
        Assert.Equal(smtp, result.SmtpCode);
        Assert.Equal(kind, result.Kind);
    }

    [Theory]
    [InlineData("Host unknown", "hard", "hostunknown")]
    [InlineData("Mailbox is full", "soft", "mailboxfull")]
    [InlineData("Connection timed out", "soft", "expired")]
    [InlineData("Host not found, try again", "soft", "networkerror")]
    [InlineData("Message too large", "hard", "mesgtoobig")]
    public void Without_codes_the_text_decides(string diagnostic, string kind, string reason)
    {
        var result = Bounces.Classify(diagnostic);
        Assert.Equal((kind, reason), (result.Kind, result.Reason));
    }

    [Theory]
    [InlineData("Mailbox is full", "Permanent", "soft")]
    [InlineData("No such user here", "Transient", "hard")]
    public void Without_codes_the_text_beats_the_provider_label(string diagnostic, string label, string kind) =>
        Assert.Equal(kind, Bounces.Classify(diagnostic, label: label).Kind);

    [Theory]
    [InlineData(null, "Permanent", "hard")]
    [InlineData(null, "HardBounce", "hard")]
    [InlineData("Delivery failed", "Permanent", "hard")]
    [InlineData(null, "Transient", "soft")]
    [InlineData("Delivery failed", "SoftBounce", "soft")]
    public void Without_codes_or_known_text_the_provider_label_decides(string? diagnostic, string label, string kind)
    {
        var result = Bounces.Classify(diagnostic, label: label);
        Assert.Equal(kind, result.Kind);
        Assert.Null(result.LabelDisagreement);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "Unknown")]
    [InlineData("", "Something new")]
    public void No_information_at_all_is_undetermined(string? diagnostic, string? label)
    {
        var result = Bounces.Classify(diagnostic, label: label);
        Assert.Equal("undetermined", result.Kind);
        Assert.Equal("undefined", result.Reason);
        Assert.Null(result.Dsn);
        Assert.Null(result.SmtpCode);
        Assert.Null(result.LabelDisagreement);
    }

    [Fact]
    public void Text_that_says_no_reason_is_on_hold_and_undetermined()
    {
        var result = Bounces.Classify("Delivery failed");
        Assert.Equal(("undetermined", "onhold"), (result.Kind, result.Reason));
    }

    [Theory]
    [InlineData("5.01.001", "5.1.1")]
    [InlineData("#5.1.1", "5.1.1")]
    [InlineData(" smtp; 5.2.2 ", "5.2.2")]
    public void Status_field_is_normalised_and_wins_over_the_text(string dsnField, string dsn) =>
        Assert.Equal(dsn, Bounces.Classify("Delivery failed: 4.4.1", dsn: dsnField).Dsn);

    [Fact]
    public void Complaint_event_is_a_complaint_with_reason_feedback()
    {
        var result = Classifier.Classify(new BounceInput(EventTypes.Complaint, ProviderLabel: "abuse"));
        Assert.Equal(("complaint", "feedback"), (result.Kind, result.Reason));
    }

    [Fact]
    public void A_providers_authentication_failure_label_is_the_senders_problem_too() =>
        Assert.Equal("undetermined", Classifier.Classify(new BounceInput(EventTypes.Complaint, ProviderLabel: "auth-failure")).Kind);

    [Theory]
    [InlineData("abuse")]
    [InlineData("fraud")]
    [InlineData("other")]
    public void A_persons_feedback_report_is_a_complaint(string feedbackType) =>
        Assert.Equal("complaint", Classifier.Classify(new BounceInput(EventTypes.Complaint, Diagnostic: feedbackType)).Kind);

    [Fact]
    public void Complaint_event_stays_a_complaint_whatever_the_codes_say()
    {
        var result = Classifier.Classify(new BounceInput(EventTypes.Complaint, 550, "5.1.1", "User unknown"));
        Assert.Equal(("complaint", "feedback"), (result.Kind, result.Reason));
    }

    [Theory]
    [InlineData("auth-failure")]
    [InlineData("Virus")]
    public void An_authentication_failure_or_virus_report_is_the_senders_problem_not_a_complaint(string feedbackType)
    {
        var result = Classifier.Classify(new BounceInput(EventTypes.Complaint, Diagnostic: feedbackType));
        Assert.Equal(("undetermined", "feedback", "sender"), (result.Kind, result.Reason, result.Scope));
    }

    [Fact]
    public void Delivered_event_is_delivered()
    {
        var result = Classifier.Classify(new BounceInput(EventTypes.Delivered, Diagnostic: "250 2.0.0 OK queued"));
        Assert.Equal(("delivered", "delivered"), (result.Kind, result.Reason));
        Assert.Equal(("2.0.0", 250), (result.Dsn, result.SmtpCode));
    }

    [Theory]
    [InlineData("Your message did not reach the following recipient: a@example.org. The recipient name is not recognized. Subject: Release notes for version 2.0.12")]
    [InlineData("MAIL FROM:<news@example.com>\n250 2.1.0 Sender ok\nRCPT TO:<a@example.org>\n550 No such user here")]
    public void A_success_code_in_a_bounces_text_is_not_its_status(string diagnostic)
    {
        var result = Classifier.Classify(new BounceInput(EventTypes.Bounce, Diagnostic: diagnostic));
        Assert.Equal((null, null, "hard"), (result.Dsn, result.SmtpCode, result.Kind));
    }

    [Theory]
    [InlineData("5.4.7")]
    [InlineData("4.4.7")]
    [InlineData(null)]
    public void Delayed_dsn_is_soft(string? dsn) =>
        Assert.Equal("soft", Classifier.Classify(new BounceInput(EventTypes.Bounce, DsnCode: dsn, Action: "delayed")).Kind);

    [Fact]
    public void Generic_status_field_gives_way_to_the_specific_code_in_the_text() =>
        Assert.Equal("5.7.1", Bounces.Classify("550 5.7.1 Relay access denied", dsn: "5.0.0").Dsn);
}
