namespace BounceService.Classification.Tests.Mail;

/// <summary>
/// The notification texts of MTAs that the corpus copy does not hold, written after the formats their
/// sources print (as Sisimai's Lhost modules describe them): the recipient and the server's code are found
/// in each, and nothing from the returned copy under the text is taken for a recipient.
/// </summary>
public class MtaFormatTests
{
    private static string Bounce(string from, string subject, string body) =>
        $"From: {from}\nTo: sender@example.com\nSubject: {subject}\n\n{body}";

    private const string Copy = "To: other@example.net\nFrom: sender@example.com\nMessage-ID: <orig@example.com>\n\n<other@example.net>: a line quoted in the returned text\n";

    public static TheoryData<string, string, string, string?> Formats => new()
    {
        {
            "Exim", "Mail delivery failed: returning message to sender",
            "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n"
            + "  a@example.org\n    SMTP error from remote mail server after RCPT TO:<a@example.org>:\n    host mx.example.org [192.0.2.2]: 550 5.1.1 <a@example.org>... User Unknown\n\n"
            + "------ This is a copy of the message, including all the headers. ------\n\n" + Copy,
            "5.1.1"
        },
        {
            "Sendmail (V5)", "Returned mail: User unknown",
            "   ----- Transcript of session follows -----\n... while talking to mx.example.org.:\n>>> RCPT To:<a@example.org>\n<<< 550 5.1.1 <a@example.org>... User unknown\n550 <a@example.org>... User unknown\n\n"
            + "   ----- Unsent message follows -----\n" + Copy,
            "5.1.1"
        },
        {
            "Gmail", "Delivery Status Notification (Failure)",
            "Delivery to the following recipient failed permanently:\n\n     a@example.org\n\nTechnical details of permanent failure:\nGoogle tried to deliver your message, but it was rejected by the server for the recipient domain example.org by mx.example.org. [192.0.2.1].\n\n"
            + "The error that the other server returned was:\n550 5.1.1 <a@example.org>... User Unknown\n\n   ----- Original message -----\n\n" + Copy,
            "5.1.1"
        },
        {
            "Google Workspace", "Delivery Status Notification (Failure)",
            "** Address not found **\n\nYour message wasn't delivered to a@example.org because the address couldn't be found, or is unable to receive mail.\n\nThe response from the remote server was:\n550 5.1.1 The email account that you tried to reach does not exist.\n",
            "5.1.1"
        },
        {
            "X3", "Delivery status notification",
            "      This is an automatically generated Delivery Status Notification.\n\nDelivery to the following recipients failed permanently:\n\n   * a@example.org\n\nTechnical details of permanent failure:\nPERM_FAILURE: SMTP Error (state 9): 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown\n",
            "5.1.1"
        },
        {
            "MailMarshal", "Undeliverable Mail: \"Hello\"",
            "Your message:\n   From:    sender@example.com\n   Subject: Hello\n\nCould not be delivered because of\n\n550 5.1.1 User unknown\n\nThe following recipients were affected: \n    a@example.org\n\n",
            "5.1.1"
        },
        {
            "OpenSMTPD", "Delivery status notification: error",
            "Hi!\n\n    This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.\n\n    An error has occurred while attempting to deliver a message for\n    the following list of recipients:\n\n"
            + "a@example.org: 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown\n\n    Below is a copy of the original message:\n\n" + Copy,
            "5.1.1"
        },
        {
            "Biglobe", "Returned mail: Delivery failed",
            "   ----- The following addresses had delivery problems -----\na@example.org\n\n   ----- Non-delivered information -----\nThe number of messages in recipient's mailbox exceeded the local limit.\n",
            null
        },
        {
            "Lotus Notes", "Undeliverable message",
            "------- Failure Reasons  --------\n\nUser not listed in public Name & Address Book\na@example.org\n\n------- Returned Message --------\n" + Copy,
            null
        },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Each_format_names_its_recipient_and_code(string mta, string subject, string body, string? status)
    {
        var report = Emails.Read(Bounce("MAILER-DAEMON@mx.example.com", subject, body));
        var r = Assert.Single(report.Recipients);
        Assert.True(("a@example.org", status) == (r.Recipient, r.Status), $"{mta}: {r.Recipient} {r.Status}");
    }

    [Fact]
    public void Each_recipient_of_a_transcript_is_refused_at_the_RCPT_line_that_names_it()
    {
        var report = Emails.Read(Bounce("MAILER-DAEMON@mx.example.com", "Returned mail: Service unavailable",
            "   ----- Transcript of session follows -----\n... while talking to mx.example.org:\n"
            + ">>> RCPT To:<a@example.org>\n<<< 550 <a@example.org>... User unknown\n550 <a@example.org>... User unknown\n"
            + ">>> RCPT To:<b@example.org>\n<<< 552 <b@example.org>... Mailbox full\n552 <b@example.org>... Mailbox full\n\n"
            + "   ----- Unsent message follows -----\n" + Copy));
        // Refused at RCPT, "user unknown" condemns the address; with no command known it would read as a filter's.
        Assert.Equal([("a@example.org", "userunknown"), ("b@example.org", "mailboxfull")],
            report.Recipients.Select(r => (r.Recipient, r.Verdict.Reason)));
    }

    [Fact]
    public void Recipients_listed_under_one_reply_all_fail_with_it()
    {
        var report = Emails.Read(Bounce("postmaster@relay.example.com", "Undeliverable Mail: \"Hello\"",
            "Your message:\n   From:    sender@example.com\n   Subject: Hello\n\nCould not be delivered because of\n\n552 5.2.2 Mailbox quota exceeded\n\n"
            + "The following recipients were affected: \n    a@example.org\n    b@example.org\n\nAdditional Information\n======================\nReporting-MTA:      <relay.example.com>\n"));
        Assert.Equal([("a@example.org", "5.2.2"), ("b@example.org", "5.2.2")], report.Recipients.Select(r => (r.Recipient, r.Status)));
    }

    [Theory]
    [InlineData("   --- The following addresses had delivery problems ---", "userunknown")] // McAfee's report
    [InlineData("   --- Delivery problems ---", "filtered")] // an MTA that says nothing of it: no command named, a filter's
    public void A_sending_MTA_that_knows_its_replies_gives_their_reason(string marker, string reason)
    {
        var report = Emails.Read(Bounce("postmaster@gw.example.com", "Delivery Status",
            $"{marker}\n\n<a@example.org>   (Unknown user a@example.org)\n\nFinal-Recipient: RFC822; <a@example.org>\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 550 Unknown user a@example.org\n"));
        Assert.Equal(reason, Assert.Single(report.Recipients).Verdict.Reason);
    }

    [Fact]
    public void Recipients_listed_before_their_replies_each_take_the_reply_that_names_them()
    {
        var report = Emails.Read(Bounce("MAILER-DAEMON@mta.example.com", "Delivery status notification",
            "      This is an automatically generated Delivery Status Notification.\n\nDelivery to the following recipients failed permanently:\n\n  * a@example.org\n  * b@example.org\n\n\n"
            + "                            Technical details:\n\nSMTP:RCPT host 192.0.2.8: 550 5.1.1 <a@example.org>... User unknown\nSMTP:RCPT host 192.0.2.8: 552 5.2.2 <b@example.org>... Mailbox full\n"));
        Assert.Equal([("a@example.org", "5.1.1"), ("b@example.org", "5.2.2")], report.Recipients.Select(r => (r.Recipient, r.Status)));
    }

    [Theory]
    [InlineData("MAILER-DAEMON@messagelabs.com", "userunknown")]
    [InlineData("MAILER-DAEMON@mx.example.com", "onhold")] // 542 is no standard reply: only MessageLabs says what it means
    public void MessageLabs_542_rejected_is_user_unknown(string from, string reason)
    {
        var report = Emails.Read(Bounce(from, "Mail Delivery Failure",
            "Could not deliver message.\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 542 a@example.org Rejected\n"));
        Assert.Equal(reason, Assert.Single(report.Recipients).Verdict.Reason);
    }

    [Fact]
    public void InterScan_unable_to_deliver_without_a_reply_is_user_unknown()
    {
        var report = Emails.Read(Bounce("\"InterScan MSS\" <postmaster@imss.example.com>", "Mail could not be delivered",
            "Reason: Unable to deliver message to <a@example.org>.\n"));
        Assert.Equal(("a@example.org", "userunknown"), (Assert.Single(report.Recipients).Recipient, report.Recipients[0].Verdict.Reason));
    }

    [Theory]
    [InlineData("------ This is a copy of the message, including all the headers. ------")]
    [InlineData("--- Below this line is a copy of the message.")]
    [InlineData("    Below is a copy of the original message:")]
    [InlineData("Original message headers:")]
    [InlineData("Content-Type: message/rfc822")]
    public void Copy_markers_keep_the_returned_copy_out_of_the_recipients(string marker)
    {
        var report = Emails.Read(Bounce("MAILER-DAEMON@mx.example.com", "Undelivered Mail Returned to Sender",
            $"Delivery failed.\n\n<a@example.org>: 550 5.1.1 User unknown\n\n{marker}\n\nTo: other@example.net\n\n<other@example.net>: a line quoted in the returned text\n"));
        Assert.Equal("a@example.org", Assert.Single(report.Recipients).Recipient);
    }
}
