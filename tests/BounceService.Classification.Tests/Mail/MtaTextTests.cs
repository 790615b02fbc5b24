namespace BounceService.Classification.Tests.Mail;

public class MtaTextTests
{
    private static string Bounce(string subject, string body) =>
        $"From: MAILER-DAEMON@mx.example.com\nTo: sender@example.com\nSubject: {subject}\n\n{body}";

    [Theory]
    [InlineData("failure notice", "Hi. This is the qmail-send program at mx.example.com.\nI'm afraid I wasn't able to deliver your message to the following addresses.\n\n<a@example.org>:\n192.0.2.1 does not like recipient.\nRemote host said: 550 5.1.1 No such user\nGiving up on 192.0.2.1.\n", "5.1.1", "userunknown")]
    [InlineData("Undelivered Mail Returned to Sender", "This is the mail system at host mx.example.com.\n\n<a@example.org>: host mx.example.org[192.0.2.1] said: 552 5.2.2\n    Mailbox full (in reply to RCPT TO command)\n", "5.2.2", "mailboxfull")]
    [InlineData("Returned mail: see transcript for details", "   ----- The following addresses had permanent fatal errors -----\n<a@example.org>\n    (reason: 550 5.1.1 <a@example.org>... User unknown)\n", "5.1.1", "userunknown")]
    [InlineData("Undeliverable: Hello", "Delivery has failed to these recipients or groups:\n\na@example.org\nThe email address you entered couldn't be found. 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\n", "5.1.10", "userunknown")]
    [InlineData("Failure Notice", "Sorry, we were unable to deliver your message to the following address.\n\n<a@example.org>:\nRemote host said: 554 5.7.1 Message rejected as spam [RCPT_TO]\n", "5.7.1", "spamdetected")]
    public void Mta_text_names_the_recipient_and_why(string subject, string body, string status, string reason)
    {
        var report = Emails.Read(Bounce(subject, body));
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("mta-text", "a@example.org"), (report.Format, r.Recipient));
        Assert.Equal((status, reason), (r.Status, r.Verdict.Reason));
    }

    [Theory]
    [InlineData(" In:  DATA\n Out: 354 End data with <CR><LF>.<CR><LF>\n Out: 451 4.3.0 Error: queue file write error\n", "4.3.0", "DATA")]
    [InlineData(" Out: 550 5.1.1 <a@example.org>: Recipient address rejected\n", "5.1.1", "RCPT")]
    public void Postfix_session_transcript_names_the_rcpt_to_and_the_refusal(string afterRcpt, string status, string command)
    {
        var body = "Transcript of session follows.\n\n Out: 220 mx.example.com ESMTP\n In:  MAIL\n     FROM:<bounce=a=example.org@sender.example.com>\n Out: 250 2.1.0 Ok\n"
            + " In:  RCPT TO:<a@example.org> ORCPT=rfc822;a@example.org\n" + (command == "DATA" ? " Out: 250 2.1.5 Ok\n" : "") + afterRcpt + " In:  QUIT\n Out: 221 2.0.0 Bye\n";
        var r = Assert.Single(Emails.Read(Bounce("Postfix SMTP server: errors from localhost[127.0.0.1]", body)).Recipients);
        Assert.Equal(("a@example.org", status), (r.Recipient, r.Status));
        Assert.StartsWith(status[0] + "", r.Diagnostic);
    }

    [Fact]
    public void Each_unable_to_deliver_line_names_a_recipient()
    {
        // Trend Micro writes one line per failed domain; each is a recipient, and without a quoted reply its own words say why.
        var body = "Unable to deliver message to <a@example.org> (and other recipients in the same domain).\nUnable to deliver message to <b@example.net>.\n";
        var report = Emails.Read("From: \"InterScan MSS\" <postmaster@imss.example.com>\nTo: sender@example.com\nSubject: Mail could not be delivered\n\n" + body);
        Assert.Equal([("a@example.org", "userunknown"), ("b@example.net", "userunknown")], report.Recipients.Select(r => (r.Recipient, r.Verdict.Reason)));
    }

    [Fact]
    public void Office365_code_further_down_the_text_is_the_status()
    {
        var body = "Your message to a@example.org couldn't be delivered.\n\n<mailto:a@example.org> The email address wasn't found at the destination domain.\n\n"
            + "Diagnostic information for administrators:\nGenerating server: mx.example.com\na@example.org\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'\n";
        var r = Assert.Single(Emails.Read(Bounce("Undeliverable: Hello", body)).Recipients);
        Assert.Equal(("a@example.org", "5.1.10", "userunknown"), (r.Recipient, r.Status, r.Verdict.Reason));
    }

    [Fact]
    public void Postfix_continuation_line_that_names_an_address_is_the_server_answer()
    {
        var body = "This is the mail system at host mx.example.com.\n\n"
            + "<a@example.org>: host mx.example.org[192.0.2.1] said: 550 5.2.1\n    <a@example.org>... User Unknown (in reply to RCPT TO command)\n\n"
            + "<b@example.org>: host mx.example.org[192.0.2.1] said: 550\n    <alias@example.net>: Recipient address rejected. (in reply to RCPT\n    TO command)\n";
        var report = Emails.Read(Bounce("Undelivered Mail Returned to Sender", body));
        Assert.Equal(["a@example.org", "b@example.org"], report.Recipients.Select(r => r.Recipient));
        Assert.EndsWith("User Unknown (in reply to RCPT TO command)", report.Recipients[0].Diagnostic);
        Assert.EndsWith("(in reply to RCPT TO command)", report.Recipients[1].Diagnostic);
    }

    // Postfix lost its log for the message: it names no recipient and no cause. The returned copy says who; the
    // notice's boilerplate is no diagnosis, so the reason is undefined (not onhold, "a diagnosis matched nothing").
    [Fact]
    public void Postfix_report_without_its_delivery_report_is_undefined_for_the_returned_copys_addressee()
    {
        const string message = "From: MAILER-DAEMON@mx.example.com\nTo: sender@example.com\nSubject: Undelivered Mail Returned to Sender\n"
            + "MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
            + "--b\nContent-Type: text/plain\n\nThis is the mail system at host mx.example.com.\n\n"
            + "I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n"
            + "                   The mail system\n\n\t--- Delivery report unavailable ---\n\n"
            + "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\nX-Postfix-Queue-ID: 4AB12\n\n"
            + "--b\nContent-Type: message/rfc822\n\nFrom: sender@example.com\nTo: a@example.org\nSubject: Hello\n\nHi\n--b--\n";
        var r = Assert.Single(Emails.Read(message).Recipients);
        Assert.Equal("a@example.org", r.Recipient);
        Assert.Equal("undefined", r.Verdict.Reason);
        Assert.False(r.Hard);
    }

    [Theory]
    [InlineData("Delivery to the following recipients failed permanently:\n\n  * a@example.org\n  * b@example.org\n", "")]
    [InlineData("   ----- Transcript of session follows -----\n550 <a@example.org>... User unknown\n550 <b@example.org>... User unknown\n", "550 ... User unknown")]
    [InlineData("Your message was not delivered.\n[Status: Error, Address: <a@example.org>, ResponseCode 421, , Host not reachable.]\n[Status: Error, Address: <b@example.org>, ResponseCode 421, , Host not reachable.]\n", "ResponseCode 421, , Host not reachable.]")]
    [InlineData("The message could not be delivered.\nAddressed To: a@example.org\nAddressed To: b@example.org\n", "")]
    [InlineData("Your mail could not be delivered.\n   Could not be delivered to: <a@example.org>\n   Could not be delivered to: <b@example.org>\n", "")]
    [InlineData("Sent <<< RCPT TO:<a@example.org>\nReceived >>> 550 5.1.1 <a@example.org>... user unknown\nSent <<< RCPT TO:<b@example.org>\nReceived >>> 550 5.1.1 <b@example.org>... user unknown\n", "Received >>> 550 5.1.1 <b@example.org>... user unknown")]
    public void Each_recipient_after_a_bullet_a_label_or_a_reply_code_is_found(string body, string diagnosticEnd)
    {
        var report = Emails.Read(Bounce("Returned mail", body));
        Assert.Equal(["a@example.org", "b@example.org"], report.Recipients.Select(r => r.Recipient));
        Assert.EndsWith(diagnosticEnd, report.Recipients[1].Diagnostic);
    }

    [Fact]
    public void Exchange_x400_form_of_an_internet_address_names_the_recipient_not_the_quoted_to()
    {
        // Exchange 5.5 writes the failed address in its X.400 form; the "To:" above it is the original's, a list's.
        var body = "Your message\n\n  To:      news@lists.example.com\n  Subject: March issue\n\ndid not reach the following recipient(s):\n\n"
            + "c=US;a= ;p=Example;o=Site1;dda:SMTP=a@example.org; on Mon, 2 Mar 2009\n10:00:00 -0500\n    The recipient name is not recognized\n";
        var r = Assert.Single(Emails.Read(Bounce("Undeliverable: March issue", body)).Recipients);
        Assert.Equal("a@example.org", r.Recipient);
        Assert.Contains("recipient name is not recognized", r.Diagnostic);
    }

    [Theory]
    [InlineData("   ----- The following addresses had permanent fatal errors -----\nb@mail.example.net\n    (expanded from: a@example.org)\n\n   ----- Transcript of session follows -----\n554 Too many hops\n")]
    [InlineData("This is the mail system at host mx.example.com.\n\n<b@mail.example.net> (expanded from\n    <a@example.org>): host mail.example.net[192.0.2.1] said: 550 5.1.1 No\n    such user (in reply to RCPT TO command)\n")]
    // Exim: "generated from" the address a router redirected, "ultimately generated from" the first of a chain.
    [InlineData("This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  b@mail.example.net\n    (generated from a@example.org)\n    SMTP error from remote mail server after RCPT TO:<b@mail.example.net>:\n    550 5.1.1 No such user\n")]
    [InlineData("This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. The following address(es) failed:\n\n  b@mail.example.net\n    (ultimately generated from a@example.org)\n    all hosts have been failing for a long time and were last tried after this message arrived\n")]
    public void An_expanded_alias_is_the_recipient_and_the_address_it_became_the_final_one(string body)
    {
        var r = Assert.Single(Emails.Read(Bounce("Returned mail: see transcript for details", body)).Recipients);
        Assert.Equal(("a@example.org", "b@mail.example.net"), (r.Recipient, r.FinalRecipient));
    }

    [Fact]
    public void Sendmails_expanded_note_under_its_reason_line_names_the_recipient_and_the_reason_stays()
    {
        var body = "   ----- The following addresses had permanent fatal errors -----\nb@mail.example.net\n    (reason: 552 5.2.2 Mailbox full)\n"
            + "    (expanded from: <a@example.org>)\n\n   ----- Transcript of session follows -----\n... while talking to mx.mail.example.net.:\n";
        var r = Assert.Single(Emails.Read(Bounce("Returned mail: see transcript for details", body)).Recipients);
        Assert.Equal(("a@example.org", "b@mail.example.net", "5.2.2", "mailboxfull"), (r.Recipient, r.FinalRecipient, r.Status, r.Verdict.Reason));
        Assert.DoesNotContain("expanded", r.Diagnostic);
    }

    [Fact]
    public void Sendmails_reason_line_is_the_servers_reply_not_its_own_status_line_below()
    {
        // The server refused DATA for our SPF record; Sendmail's own line under the transcript reads "User unknown".
        var body = "   ----- The following addresses had permanent fatal errors -----\na@example.org\n    (reason: 553 Sender Policy Framework (SPF) fail)\n\n"
            + "   ----- Transcript of session follows -----\n... while talking to mx.example.org.:\n>>> DATA\n<<< 553 Sender Policy Framework (SPF) fail\n"
            + "550 5.1.1 a@example.org... User unknown\n<<< 503 RCPT first (#5.5.1)\n";
        var r = Assert.Single(Emails.Read(Bounce("Returned mail: see transcript for details", body)).Recipients);
        Assert.Equal(("a@example.org", 553, "authfailure", "sender"), (r.Recipient, r.Verdict.SmtpCode, r.Verdict.Reason, r.Verdict.Scope));
    }

    [Fact]
    public void A_dsn_recipient_without_a_diagnostic_takes_the_text_about_the_alias_that_expanded_to_it()
    {
        var raw = "From: MAILER-DAEMON@mx.example.com\nTo: sender@example.com\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\n"
            + "<b@mail.example.net> (expanded from <a@example.org>): host mail.example.net[192.0.2.1] said:\n    550 5.1.1 No such user (in reply to RCPT TO command)\n\n"
            + "<d@mail.example.net> (expanded from <c@example.org>): host mail.example.net[192.0.2.1] said:\n    452 4.2.2 Mailbox full (in reply to RCPT TO command)\n\n"
            + "--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n\n"
            + "Final-Recipient: rfc822; b@mail.example.net\nAction: failed\nStatus: 5.0.0\n\nFinal-Recipient: rfc822; d@mail.example.net\nAction: delayed\nStatus: 4.0.0\n\n--B--\n";
        var report = Emails.Read(raw);
        Assert.Equal([("b@mail.example.net", "5.1.1"), ("d@mail.example.net", "4.2.2")], report.Recipients.Select(r => (r.Recipient, r.Status)));
    }

    [Fact]
    public void Exims_warning_that_a_message_is_still_queued_is_an_expiry_not_a_failure()
    {
        var body = "This message was created automatically by mail delivery software.\n\nA message that you sent has not yet been delivered to one or more of\n"
            + "its recipients after more than 24 hours on the queue on mx.example.com.\n\nThe address to which the message has not yet been delivered is:\n\n  a@example.org\n\n"
            + "No action is required on your part. Delivery attempts will continue for\nsome time, and this warning may be repeated at intervals.\n";
        var r = Assert.Single(Emails.Read(Bounce("Warning: message 1abcDE-0001xY-00 delayed 24 hours", body)).Recipients);
        Assert.Equal(("a@example.org", "expired", "soft"), (r.Recipient, r.Verdict.Reason, r.Verdict.Kind));
    }

    [Fact]
    public void A_session_transcript_under_the_list_says_why_a_listed_address_failed()
    {
        var body = "The following addresses did NOT receive a copy of your message:\n\n> a@example.org\n\n--- Session Transcript ---\n"
            + " Connecting to mx.example.org\n 220 mx.example.org ESMTP ready\n EHLO out.example.com\n 250 SIZE 10000000\n"
            + " MAIL From:<news@example.com> SIZE=2048\n 250 Sender ok\n RCPT To:<a@example.org>\n 552 Message for <a@example.org> would exceed mailbox quota\n QUIT\n--- End Transcript ---\n";
        var r = Assert.Single(Emails.Read(Bounce("Permanent Delivery Failure", body)).Recipients);
        Assert.Equal(("a@example.org", "mailboxfull"), (r.Recipient, r.Verdict.Reason));
        Assert.Contains("552 Message for <a@example.org> would exceed mailbox quota", r.Diagnostic);
        Assert.DoesNotContain("did NOT receive", r.Diagnostic); // the reply is its own text; the whole notice is not needed
    }

    [Fact]
    public void An_address_in_the_text_that_the_returned_copy_was_sent_to_is_the_recipient()
    {
        // The help text names an address form first; the returned copy's envelope says which address failed.
        var body = "Addresses here have the form firstname.lastname@example.org. The address your message\n"
            + "was sent to, a@example.org, is not one of them.\n\nOriginal message follows:\n"
            + "Received: from out.example.com by mx.example.org with ESMTP id 12345 for <a@example.org>; Mon, 2 Mar 2009 10:00:00 -0500\n"
            + "From: news@example.com\nSubject: March issue\n\nHello.\n";
        var r = Assert.Single(Emails.Read(Bounce("Returned mail", body)).Recipients);
        Assert.Equal("a@example.org", r.Recipient);
    }

    [Fact]
    public void The_sender_and_the_mail_system_are_never_recipients()
    {
        var report = Emails.Read(Bounce("Delivery failure", "<sender@example.com>\n<postmaster@mx.example.com>: contact us\n\n<a@example.org>: 550 User unknown\n"));
        Assert.Equal("a@example.org", Assert.Single(report.Recipients).Recipient);
    }
}
