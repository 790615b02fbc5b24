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
            "DragonFly Mail Agent", "Mail delivery failed",
            "This is the DragonFly Mail Agent v0.13 at df.example.com.\n\nThere was an error delivering your mail to <a@example.org>.\n\n"
            + "mx.example.org [192.0.2.1] did not like our RCPT TO:\n550 5.1.1 <a@example.org>: Recipient address rejected: User unknown\n\nMessage headers follow.\n\n" + Copy,
            "5.1.1"
        },
        {
            "Smail 3", "mail failed, returning to sender",
            "|------------------------- Failed addresses follow: ---------------------|\n a@example.org ... failed: 550 5.1.1 <a@example.org>... User unknown\n"
            + "|------------------------- Message text follows: ------------------------|\n" + Copy,
            "5.1.1"
        },
        {
            "Deutsche Telekom (T-Online)", "Mail delivery failed: returning message to sender",
            "|------------------------- Failed addresses follow: ---------------------|\n <a@example.org>\n   552 5.2.2 <a@example.org> Quota exceeded (mailbox for user is full)\n\n"
            + "|------------------------- Message header follows: ----------------------|\n" + Copy,
            "5.2.2"
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

    [Theory]
    [InlineData("MAILER-DAEMON@aol.com (Mail Delivery System)", "notaccept")]
    [InlineData("MAILER-DAEMON@mx.example.com (Mail Delivery System)", "networkerror")] // others: a DNS failure on the way
    public void Aols_malformed_mx_answer_means_the_domain_takes_no_mail(string from, string reason)
    {
        var report = Emails.Read(Bounce(from, "Undelivered Mail Returned to Sender",
            "Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.4.4\n"
            + "Diagnostic-Code: X-Outbound-Mail-Relay; Name service error for name=example.org type=MX: Malformed or unexpected name server reply\n"));
        Assert.Equal(reason, Assert.Single(report.Recipients).Verdict.Reason);
    }

    [Theory]
    [InlineData("from news@lists.example.com", "filtered")] // the members refuse this sender
    [InlineData("with attachments or embedded images", "policyviolation")] // or any sender's mail of this kind
    public void Aols_screen_names_are_its_members_who_refuse_the_mail(string refused, string reason)
    {
        // The heading wraps, and the only address in the text may be the sender's.
        var report = Emails.Read(Bounce("\"Mail Delivery Subsystem\" <MAILER-DAEMON@aol.com>", "Mail Delivery Problem",
            $"Sorry news@lists.example.com. Your mail to the following recipients could not be delivered because\nthey are not accepting mail {refused}:\n\tkurotama\n\tshiro.neko\n\n"));
        Assert.Equal([("kurotama@aol.com", reason), ("shiro.neko@aol.com", reason)], report.Recipients.Select(r => (r.Recipient, r.Verdict.Reason)));
    }

    [Theory]
    [InlineData("post_master@vtext.com", "userunknown")]
    [InlineData("postmaster@mx.example.com", "filtered")] // no command named: Sisimai's reading of a filter's answer
    public void Verizons_quoted_reply_names_an_unknown_user(string from, string reason)
    {
        var report = Emails.Read(Bounce(from, "Undeliverable Message",
            "Error: Invalid user address\n\nError message below:\n550 - Requested action not taken: no such user here\n\n"
            + "Message details:\n  Subject: Test\n  MAIL FROM: sender@example.com\n  RCPT TO: 5551234567@example.org\n"));
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

    [Fact]
    public void An_explanation_under_a_list_of_addresses_is_the_last_addresss()
    {
        // Gmail's old template: the addresses, then one technical detail for the list.
        var report = Emails.Read(Bounce("Mail Delivery Subsystem <mailer-daemon@googlemail.com>", "Delivery Status Notification (Failure)",
            "Delivery to the following recipients failed permanently:\n\n     a@example.org\n     b@example.org\n\n"
            + "Technical details of permanent failure:\nGoogle tried to deliver your message, but it was rejected by the server for the recipient domain example.org by mx.example.org. [192.0.2.1].\n\n"
            + "The error that the other server returned was:\n550 5.1.1 <a@example.org>... User unknown\n\n   ----- Original message -----\n\n" + Copy));
        Assert.Equal(["a@example.org", "b@example.org"], report.Recipients.Select(r => r.Recipient));
        Assert.Equal(("5.1.1", "userunknown"), (report.Recipients[1].Status, report.Recipients[1].Verdict.Reason));
        Assert.Null(report.Recipients[0].Status);
        // The first address has the list's heading for its text, as Sisimai reads it: a failure it cannot place.
        Assert.Equal(("Delivery to the following recipients failed permanently:", "onhold"), (report.Recipients[0].Diagnostic, report.Recipients[0].Verdict.Reason));
    }

    [Theory]
    [InlineData("The user(s) account is disabled.", "suspend")]
    [InlineData("The following message could not be delivered.", "userunknown")]
    public void The_mtas_verdict_above_the_addresses_decides(string verdict, string reason)
    {
        // au (EZweb) says why above the address, and the server's reply under it says less.
        var report = Emails.Read(Bounce("<Postmaster@ezweb.ne.jp>", "Mail System Error - Returned Mail",
            $"{verdict}\n\n<a@example.org>: 550 user unknown (in reply to RCPT TO command)\n"));
        Assert.Equal(reason, Assert.Single(report.Recipients).Verdict.Reason);
    }

    [Theory]
    [InlineData("NG", "filtered", "X-SPASIGN: NG")]
    [InlineData("OK", "suspend", null)]
    public void Aus_spam_filter_mark_says_the_recipients_filter_refused(string mark, string reason, string? label)
    {
        var report = Emails.Read($"From: <Postmaster@ezweb.ne.jp>\nTo: sender@example.com\nSubject: Mail System Error - Returned Mail\nX-SPASIGN: {mark}\n\n"
            + "The user(s) account is temporarily limited.\n\n<a@ezweb.ne.jp>\n");
        var r = Assert.Single(report.Recipients);
        // The mark is kept as the recipient's label: the published event carries it as its provider label.
        Assert.Equal((reason, label), (r.Verdict.Reason, r.Label));
    }

    private const string FmlNotice =
        "You are not a member of this mailing list <ml@example.jp>.\n\nIf you know the general guide of this list, please send mail with\nthe mail body\n\nguide\n\nto the address\n\n   ml-ctl@example.jp\n\n"
        + "Original mail as follows:\n\n" + Copy;

    [Theory]
    [InlineData("NOT MEMBER article from sender@example.com (ml ML)", "You are not a member of this mailing list <ml@example.jp>.", "rejected")]
    [InlineData("fml system error message (ml ML)", "Duplicated Message-ID in <ml@example.jp>.", "systemerror")]
    [InlineData("reject mail from sender@example.com (ml ML)", "reject since X-ML-Name: header may cause mail loop <ml@example.jp>.", "rejected")]
    public void A_list_managers_refusal_names_the_list_and_says_why(string subject, string notice, string reason)
    {
        var report = Emails.Read($"X-MLServer: fml [fml 4.0.3 release (20011202/4.0.3)]\nFrom: ml-admin@example.jp\nTo: sender@example.com\nSubject: {subject}\n\n{notice}\n\nOriginal mail as follows:\n\n{Copy}");
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("ml@example.jp", reason), (r.Recipient, r.Verdict.Reason));
    }

    [Fact]
    public void A_translated_list_refusal_is_read_by_its_subject()
    {
        var report = Emails.Read("X-MLServer: fml [fml 4.0.3 release (20011202/4.0.3)]\nFrom: ml-admin@example.jp\nTo: sender@example.com\nSubject: NOT MEMBER article from sender@example.com (ml ML)\n"
            + "Content-Type: text/plain; charset=utf-8\n\nあなた (sender@example.com) はメーリングリスト <ml@example.jp> のメンバーではありません。\n\nOriginal mail as follows:\n\n" + Copy);
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("ml@example.jp", "rejected"), (r.Recipient, r.Verdict.Reason));
    }

    [Theory]
    [InlineData("X-Mailer: fml", "ml-admin@example.jp", "NOT MEMBER article from sender@example.com (ml ML)")]
    [InlineData("X-MLServer: fml [fml 4.0.3 release (20011202/4.0.3)]", "ml-admin@example.jp", "[ml:00412] spring meeting")]
    [InlineData("X-MLServer: fml [fml 4.0.3 release (20011202/4.0.3)]", "member@example.org", "[ml:00413] Security Alert: patch now")]
    public void List_mail_without_the_managers_header_sender_and_refusal_subject_is_no_bounce(string header, string from, string subject)
    {
        var report = Emails.Read($"{header}\nFrom: {from}\nTo: sender@example.com\nSubject: {subject}\n\n{FmlNotice}");
        Assert.Empty(report.Recipients);
    }

    [Theory]
    [InlineData("Mailaddress is administratively disabled. (#5.2.1)", "suspend")]
    [InlineData("The message exeeded the maximum size the user accepts. (#5.2.3)", "exceedlimit")]
    [InlineData("Unable to contact LDAP server. (#4.4.3)", "systemerror")]
    [InlineData("Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)", "notaccept")] // notqmail, null MX
    public void Qmail_says_why_in_its_own_words(string words, string reason)
    {
        var report = Emails.Read(Bounce("MAILER-DAEMON@mx.example.com", "failure notice",
            $"Hi. This is the qmail-send program at mx.example.com.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<a@example.org>:\n{words}\n\n--- Below this line is a copy of the message.\n\n" + Copy));
        Assert.Equal(reason, Assert.Single(report.Recipients).Verdict.Reason);
    }

    private const string EximIntro =
        "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n";

    [Theory]
    [InlineData("after initial connection:", "554 5.7.1 mx.example.org ESMTP not accepting messages")]
    [InlineData("after EHLO mx.example.com:", "550 5.7.1 Client host rejected: cannot find your hostname")]
    public void Exim_text_says_the_greeting_was_refused_where_its_report_gives_only_the_reply(string stage, string reply)
    {
        var report = Emails.Read($$"""
            From: Mail Delivery System <Mailer-Daemon@mx.example.com>
            To: sender@example.com
            Subject: Mail delivery failed: returning message to sender
            Content-Type: multipart/report; report-type=delivery-status; boundary=B

            --B
            Content-type: text/plain; charset=us-ascii

            {{EximIntro}}  a@example.org
                host mx.example.org [192.0.2.2]
                SMTP error from remote mail server {{stage}}
                {{reply}}

            --B
            Content-type: message/delivery-status

            Reporting-MTA: dns; mx.example.com

            Action: failed
            Final-Recipient: rfc822;a@example.org
            Status: 5.0.0
            Diagnostic-Code: smtp; {{reply}}

            --B--
            """);
        Assert.Equal("blocked", Assert.Single(report.Recipients).Verdict.Reason);
    }

    [Fact]
    public void A_qmail_refused_greeting_is_blocked()
    {
        var report = Emails.Read(Bounce("MAILER-DAEMON@mx.example.com", "failure notice",
            "Hi. This is the qmail-send program at mx.example.com.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n"
            + "<a@example.org>:\nConnected to 192.0.2.2 but my name was rejected.\nRemote host said: 550 5.7.1 <localhost>: Helo command rejected: Host not found\n\n--- Below this line is a copy of the message.\n\n" + Copy));
        Assert.Equal("blocked", Assert.Single(report.Recipients).Verdict.Reason);
    }

    [Fact]
    public void An_Exim_pipe_that_failed_names_the_address_that_ran_it()
    {
        var report = Emails.Read("X-Failed-Recipients: |/usr/bin/procmail\n" + Bounce("Mail Delivery System <Mailer-Daemon@mx.example.com>", "Mail delivery failed: returning message to sender",
            EximIntro + "  pipe to |/usr/bin/procmail\n    generated by a@example.org\n    local delivery failed\n\n------ This is a copy of the message, including all the headers. ------\n\n" + Copy));
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("a@example.org", "systemerror"), (r.Recipient, r.Verdict.Reason));
    }

    [Fact]
    public void Each_group_Google_Groups_lists_as_failed_gets_its_notice()
    {
        // The notice names no address; the first failed one is also the returned copy's first addressee.
        var report = Emails.Read("X-Failed-Recipients: g1@example.org, g2@example.org\n" + Bounce("Mail Delivery Subsystem <mailer-daemon@googlemail.com>", "Delivery Status Notification (Failure)",
            "Hello sender@example.com,\n\nWe're writing to let you know that the group you tried to contact (g1) may not exist, or you may not have permission to post messages to the group. A few more details on why you weren't able to post:\n\n"
            + " * You might have spelled or formatted the group name incorrectly.\n * The owner of the group may have removed this group.\n * You may need to join the group before receiving permission to post.\n * This group may not be open to posting.\n\nThanks,\n\nGoogle Groups\n\n"
            + "----- Original message -----\n\nTo: g1@example.org, g2@example.org\nFrom: sender@example.com\nMessage-ID: <orig@example.com>\n\nHello\n"));
        Assert.Equal([("g1@example.org", "rejected"), ("g2@example.org", "rejected")], report.Recipients.Select(r => (r.Recipient, r.Verdict.Reason)));
    }

    [Fact]
    public void A_Google_Workspace_report_that_gives_only_the_reply_code_is_read_from_its_text()
    {
        var report = Emails.Read("MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\n" + Bounce("Mail Delivery Subsystem <mailer-daemon@googlemail.com>", "Delivery Status Notification (Failure)",
            "--b\nContent-Type: text/plain\n\n** Address not found **\n\nYour message wasn't delivered to a@example.org because the address couldn't be found. Check for typos or unnecessary spaces and try again.\n\n"
            + "The response from the remote server was:\n550 5.1.1 <a@example.org>... User unknown\n\n"
            + "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; googlemail.com\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 550\n\n--b--\n"));
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("userunknown", "5.1.1"), (r.Verdict.Reason, r.Verdict.Dsn));
    }

    [Fact]
    public void An_Exim_malformed_address_names_the_bracketed_address_it_tried()
    {
        var report = Emails.Read(Bounce("Mail Delivery System <Mailer-Daemon@mx.example.com>", "Mail failure - malformed recipient address",
            "A message that you sent contained one or more recipient addresses that were\nincorrectly constructed:\n\n"
            + "  b@example.org <a@example.org>: malformed address: <a@example.org> may not follow b@example.org\n\nThis address has been ignored.\n"));
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("a@example.org", "syntaxerror"), (r.Recipient, r.Verdict.Reason));
    }

    // Exim bounces a full mailbox only after retrying it: Sisimai's Exim module calls it temporary without a code.
    // Its kin reuse the first words of the notice, but not its copy marker or not at the start.
    [Theory]
    [InlineData("", "------ This is a copy of the message, including all the headers. ------", true)]
    [InlineData("", "", true)]
    [InlineData("Это письмо создано автоматически сервером Mail.Ru.\n\n", "------ This is a copy of the message, including all the headers. ------", false)]
    [InlineData("", "Included is a copy of the message header:\n-----------------------------------------", false)]
    public void Only_exims_own_notice_says_it_gave_up_retrying(string preamble, string copyMarker, bool gaveUp)
    {
        var report = Emails.Read(Bounce("Mail Delivery System <Mailer-Daemon@mx.example.com>", "Mail delivery failed: returning message to sender",
            preamble + EximIntro + "  a@example.org\n    mailbox is full: retry timeout exceeded\n\n" + (copyMarker.Length > 0 ? copyMarker + "\n\n" + Copy : "")));
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("mailboxfull", gaveUp), (r.Verdict.Reason, r.GaveUpRetrying));
    }

    // Exim's report of a frozen message: the recipient it holds has not been delivered for as long as it retried.
    [Fact]
    public void Exims_frozen_message_is_an_expiry_it_gave_up_retrying()
    {
        var report = Emails.Read(Bounce("Mail Delivery System <Mailer-Daemon@mx.example.com>", "Message frozen",
            "Message 1rz8QZ-0004TW-1s has been frozen by the system filter.\nThe sender is <sender@example.com>.\nThe following address(es) have yet to be delivered:\n"
            + "  a@example.org: forced freeze\n\n------ This is a copy of the message's headers. ------\n\n" + Copy));
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("a@example.org", "expired", true), (r.Recipient, r.Verdict.Reason, r.GaveUpRetrying));
    }

    // au words its own subscribers' failures; an outside address it names without a reason is an unknown user
    // (Sisimai's EZweb), its own subscriber's is not.
    [Theory]
    [InlineData("a@example.org", "userunknown")]
    [InlineData("a@ezweb.ne.jp", "onhold")]
    public void Aus_outside_address_without_a_reason_is_unknown(string recipient, string reason)
    {
        var report = Emails.Read(Bounce("<Postmaster@ezweb.ne.jp>", "Mail System Error - Returned Mail",
            $"The following recipients did not receive this message:\n\n<{recipient}>\n\nPlease reply to <Postmaster@ezweb.ne.jp>\nif you feel this message to be in error.\n"));
        Assert.Equal(reason, Assert.Single(report.Recipients).Verdict.Reason);
    }
}
