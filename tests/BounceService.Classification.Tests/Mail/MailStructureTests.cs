namespace BounceService.Classification.Tests.Mail;

/// <summary>Reports in shapes that break the plain reading: wrapped, mangled, pasted, or JSON.</summary>
public class MailStructureTests
{
    [Fact]
    public void A_report_behind_a_boundary_the_body_never_uses_is_read_from_the_preamble()
    {
        var report = Emails.Read("""
            From: MAILER-DAEMON@mx.example.com
            To: sender@example.com
            Subject: Delivery Notification: Delivery has failed
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="lost"

            Your message cannot be delivered to the following recipients:

            Action: failed
            Status: 5.1.1
            Final-Recipient: rfc822;gone@example.org
            Diagnostic-Code: smtp; 550 5.1.1 User unknown
            """);
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("gone@example.org", "5.1.1", true), (r.Recipient, r.Status, r.Hard));
    }

    [Fact]
    public void An_html_only_notification_is_read_as_its_text()
    {
        var report = Emails.Read("""
            From: MAILER-DAEMON@mx.example.com
            To: sender@example.com
            Subject: Undeliverable: Hello
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8

            <html><head><style>p { color: #000 } a@style.example.com</style><script>var x = "b@script.example.com";</script></head>
            <body><p>Delivery has failed to these recipients:</p><p><a href="mailto:gone@example.org">gone@example.org</a><br>
            Remote Server returned &#39;550 5.1.1 User unknown&#39;</p></body></html>
            """);
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("gone@example.org", "5.1.1"), (r.Recipient, r.Status));
        Assert.Contains("'550 5.1.1 User unknown'", r.Diagnostic);
    }

    [Fact]
    public void A_plain_alternative_is_read_and_its_html_twin_is_not()
    {
        var report = Emails.Read("""
            From: MAILER-DAEMON@mx.example.com
            To: sender@example.com
            Subject: Undeliverable: Hello
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="A"

            --A
            Content-Type: text/plain

            gone@example.org: 550 5.1.1 User unknown

            --A
            Content-Type: text/html

            <p>other@example.org: 550 5.1.1 User unknown</p>
            --A--
            """);
        Assert.Equal("gone@example.org", Assert.Single(report.Recipients).Recipient);
    }

    [Fact]
    public void An_html_alternative_is_read_when_the_plain_one_is_a_stub()
    {
        var report = Emails.Read("""
            From: MAILER-DAEMON@mx.example.com
            To: sender@example.com
            Subject: Undeliverable: Hello
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="A"

            --A
            Content-Type: text/plain

            This message is best viewed in HTML.

            --A
            Content-Type: text/html

            <p>gone@example.org: 550 5.1.1 User unknown</p>
            --A--
            """);
        Assert.Equal("gone@example.org", Assert.Single(report.Recipients).Recipient);
    }

    [Fact]
    public void A_delivery_report_whose_report_part_names_nobody_is_read_from_its_text()
    {
        // No From and a subject in the gateway's own language: only the report type says it is a bounce.
        var raw = "To: news-bounces@example.com\nSubject: Destinataire inconnu\nMIME-Version: 1.0\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\n"
            + "A message could not be delivered to:\na@example.org\nCette adresse n'existe pas.\n\n"
            + "--B\nContent-Type: message/delivery-status\nReporting-MTA: gw.example.net\n\nMessage removed\n\n--B--\n";
        var report = Emails.Read(raw);
        Assert.Equal(("mta-text", "a@example.org"), (report.Format, Assert.Single(report.Recipients).Recipient));
    }

    [Fact]
    public void A_notice_labelled_as_a_delivery_report_is_read_as_the_notice()
    {
        // InterMail gives its human notice the report's content type too, before the report proper, whose
        // fields then say no more than "failed, 5.3.0": the refusal is only in the notice.
        var raw = "From: Mail Administrator <postmaster@mail.example.net>\nTo: news@example.com\nSubject: Mail System Error - Returned Mail\n"
            + "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
            + "--B\nContent-Type: message/delivery-status\n\nYour message was not delivered, because:\n\n"
            + "<a@example.org> has restricted SMS e-mail\n\n"
            + "--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mail.example.net\n\n"
            + "Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.3.0\n\n--B--\n";
        var r = Assert.Single(Emails.Read(raw).Recipients);
        Assert.Equal(("a@example.org", "filtered"), (r.Recipient, r.Verdict.Reason));
        Assert.Contains("has restricted SMS e-mail", r.Diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_wrapped_by_a_filter_is_read_from_the_attachment()
    {
        var inner = Emails.Dsn("Final-Recipient: rfc822; gone@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown");
        var report = Emails.Read($"""
            From: MAILER-DAEMON@filter.example.com
            To: sender@example.com
            Subject: Returned mail
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="W"

            --W
            Content-Type: text/plain

            The original message was received at Thu Oct 13 15:22:22 2015

            --W
            Content-Type: message/rfc822

            {inner}
            --W--
            """);
        Assert.Equal("gone@example.org", Assert.Single(report.Recipients).Recipient);
    }

    [Fact]
    public void A_digest_of_several_attached_reports_is_not_read_as_one_of_them()
    {
        var first = Emails.Dsn("Final-Recipient: rfc822; gone@example.org\nAction: failed\nStatus: 5.1.1");
        var second = Emails.Dsn("Final-Recipient: rfc822; left@example.net\nAction: failed\nStatus: 5.1.1");
        var report = Emails.Read($"""
            From: reports@isp.example.com
            To: sender@example.com
            Subject: Feedback loop digest: 2 complaints
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="W"

            --W
            Content-Type: text/plain

            2 reports are attached.

            --W
            Content-Type: message/rfc822

            {first}
            --W
            Content-Type: message/rfc822

            {second}
            --W--
            """);
        Assert.False(report.IsBounce);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_report_saved_from_an_mbox_is_read_after_its_separator_line(string newline)
    {
        var raw = "From MAILER-DAEMON  Fri Feb 13 05:04:57 2015\n" + Emails.Dsn("Final-Recipient: rfc822; gone@example.org\nAction: failed\nStatus: 5.1.1");
        var report = Emails.Read(raw, newline);
        Assert.Equal(("dsn", "gone@example.org"), (report.Format, Assert.Single(report.Recipients).Recipient));
        Assert.Equal("c42", report.Original?.Headers["X-Campaign-Id"]);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Lines_of_blanks_before_the_headers_are_padding(string newline)
    {
        var raw = new string(' ', 40) + "\n\n\t \n" + Emails.Dsn("Final-Recipient: rfc822; gone@example.org\nAction: failed\nStatus: 5.1.1");
        var report = Emails.Read(raw, newline);
        Assert.Equal(("dsn", "gone@example.org"), (report.Format, Assert.Single(report.Recipients).Recipient));
    }

    [Fact]
    public void Returned_headers_that_declare_a_report_are_only_headers()
    {
        // The returned message's own Content-Type names a report whose body is not there: no wrapped report
        // to read instead of the MTA's text.
        var report = Emails.Read("""
            From: MAILER-DAEMON@mx.example.com
            To: sender@example.com
            Subject: Undelivered Mail Returned to Sender
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="B"

            --B
            Content-Type: text/plain

            <gone@example.org>: host mx.example.org said: 550 5.1.1 User unknown

            --B
            Content-Type: text/rfc822-headers

            Message-ID: <m2@example.com>
            Content-Type: multipart/report; boundary="never"
            X-Campaign-Id: c43

            --B--
            """);
        Assert.Equal("gone@example.org", Assert.Single(report.Recipients).Recipient);
        Assert.Equal(("m2@example.com", "c43"), (report.Original?.MessageId, report.Original?.Headers["X-Campaign-Id"]));
    }

    [Theory]
    [InlineData("", 1)] // the returned copy's To is the last resort
    [InlineData("List-Post: <mailto:Members@lists.example.com>\n", 0)] // a list's post names the list, not the member
    [InlineData("X-BeenThere: members@lists.example.com\n", 0)] // Mailman's mark of its list
    public void A_returned_post_to_a_list_names_no_recipient(string listHeader, int recipients)
    {
        var report = Emails.Read("From: postmaster@mx.example.org\nTo: members-bounces@lists.example.com\nSubject: Undelivered Mail\n"
            + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\n"
            + "The following mail could not be delivered.\nOne or more recipients are not known here.\n\n--B\nContent-Type: message/rfc822\n\n"
            + $"From: author@example.net\nTo: members@lists.example.com\n{listHeader}Subject: Notes\n\nHello.\n\n--B--\n");
        Assert.Equal(recipients, report.Recipients.Count(r => r.Recipient == "members@lists.example.com"));
    }

    [Theory]
    [InlineData("author@example.com", "friend@example.net", 1)]
    [InlineData("friend@example.net", "friend@example.net", 1)] // a test "from" its recipient: the copy's From proves nothing
    [InlineData("author@example.com", "Author@Example.com", 0)] // sent to the author himself, the others in Bcc
    public void A_returned_copy_addressed_to_the_reports_own_addressee_names_no_recipient(string from, string to, int recipients)
    {
        var report = Emails.Read("From: postmaster@mx.example.org\nTo: author@example.com\nSubject: Undeliverable: Notes\n"
            + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\n"
            + "Your message did not reach the following recipient(s):\n\nAnna Example on 1 May 2024\n    The recipient was unavailable to take delivery of the message\n\n"
            + $"--B\nContent-Type: message/rfc822\n\nFrom: {from}\nTo: {to}\nSubject: Notes\n\nHello.\n\n--B--\n");
        Assert.Equal(recipients, report.Recipients.Count(r => r.Recipient == to));
        Assert.Equal(recipients, report.Recipients.Count);
    }

    [Fact]
    public void The_recipient_of_a_pasted_copy_is_the_bounced_one_when_the_text_names_nobody()
    {
        var report = Emails.Read("From: MMSC NDR Administrator <sysadmin@mms.example.com>\nTo: sender@example.com\nSubject: Undeliverable Message\n\n"
            + "Message could not be delivered to mobile.\nError: No valid recipients for this MM\n\nOriginal Message:\nFrom: sender@example.com\nTo: 0000000000@mms.example.com\nSubject: hi\n");
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("0000000000@mms.example.com", "userunknown"), (r.Recipient, r.Verdict.Reason));
    }

    [Theory]
    [InlineData("{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bouncedRecipients\":[{\"emailAddress\":\"gone@example.org\",\"action\":\"failed\",\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}]}}", "bounce", "gone@example.org")]
    [InlineData("{\"Type\" : \"Notification\", \"Message\" : \"{\\\"notificationType\\\":\\\"Complaint\\\",\\\"complaint\\\":{\\\"complainedRecipients\\\":[{\\\"emailAddress\\\":\\\"angry@example.org\\\"}]}}\"}", "complaint", "angry@example.org")]
    public void Amazon_ses_notifications_by_mail_name_their_recipients(string json, string eventType, string recipient)
    {
        var report = Emails.Read($"From: SES <no-reply@sns.amazonaws.com>\nTo: sender@example.com\nSubject: AWS Notification Message\n\n{json}\n");
        var r = Assert.Single(report.Recipients);
        Assert.Equal((eventType, recipient), (r.EventType, r.Recipient));
    }

    [Fact]
    public void Amazon_ses_bounce_type_is_kept_as_the_label()
    {
        var json = "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Transient\",\"bounceSubType\":\"MailboxFull\",\"bouncedRecipients\":[{\"emailAddress\":\"full@example.org\"}]}}";
        var r = Assert.Single(Emails.Read($"From: SES <no-reply@sns.amazonaws.com>\nTo: sender@example.com\nSubject: AWS Notification Message\n\n{json}\n").Recipients);
        Assert.Equal(("Transient", "soft"), (r.Label, r.Verdict.Kind));
    }

    [Theory]
    // The first list runs to the first closing bracket, even past a second list's start.
    [InlineData("\"bouncedRecipients\":[{\"emailAddress\":\"first@example.org\"}, \"bouncedRecipients\":[{\"emailAddress\":\"second@example.org\"}]", "first@example.org second@example.org")]
    // Without any closing bracket there is no list at all, however many lists start.
    [InlineData("\"bouncedRecipients\":[{\"emailAddress\":\"first@example.org\"}, \"bouncedRecipients\":[{\"emailAddress\":\"second@example.org\"}", "")]
    public void Amazon_ses_recipients_are_those_of_the_first_list_up_to_its_bracket(string lists, string recipients)
    {
        var json = "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\"," + lists + "}}";
        var report = Emails.Read($"From: SES <no-reply@sns.amazonaws.com>\nTo: sender@example.com\nSubject: AWS Notification Message\n\n{json}\n");
        Assert.Equal(recipients, string.Join(' ', report.Recipients.Select(r => r.Recipient)));
    }

    [Fact]
    public void An_amazon_ses_delivery_notification_is_no_bounce() =>
        Assert.False(Emails.Read("From: SES <no-reply@sns.amazonaws.com>\nTo: sender@example.com\nSubject: AWS Notification Message\n\n{\"notificationType\":\"Delivery\",\"delivery\":{\"recipients\":[\"a@example.org\"]}}\n").IsBounce);

    [Fact]
    public void User_unknown_in_reply_to_data_is_filtered_and_not_hard()
    {
        var report = Emails.Read("From: MAILER-DAEMON@mx.example.com\nTo: sender@example.com\nSubject: Undelivered Mail Returned to Sender\n\n"
            + "<a@example.jp>: host mx.example.jp[192.0.2.1] said: 550 Unknown user a@example.jp (in reply to end of DATA command)\n");
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("filtered", false), (r.Verdict.Reason, r.Hard));
    }
}
