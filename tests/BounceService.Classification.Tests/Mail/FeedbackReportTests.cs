using BounceService.Classification.Mail;

namespace BounceService.Classification.Tests.Mail;

public class FeedbackReportTests
{
    private static string Arf(string fields, string to = "reader@example.org") => $"""
        From: fbl@isp.example
        To: fbl@example.com
        Subject: FW: Hello
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=feedback-report; boundary="B"

        --B
        Content-Type: text/plain

        This is an abuse report.

        --B
        Content-Type: message/feedback-report

        Version: 1
        User-Agent: isp/1.0
        {fields}

        --B
        Content-Type: message/rfc822

        Message-ID: <m3@example.com>
        X-Campaign-Id: c7
        To: {to}
        Subject: Hello

        Hello.
        --B--
        """;

    [Fact]
    public void Abuse_report_is_a_complaint_by_original_rcpt_to()
    {
        var report = Emails.Read(Arf("Feedback-Type: abuse\nOriginal-Rcpt-To: <r@example.org>"));
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("arf", "r@example.org", "complaint"), (report.Format, r.Recipient, r.EventType));
        Assert.Equal(("complaint", "feedback", false), (r.Verdict.Kind, r.Verdict.Reason, r.Hard));
        Assert.Equal("c7", report.Original?.Headers["X-Campaign-Id"]);
    }

    [Fact]
    public void Without_original_rcpt_to_the_returned_message_says_who_complained()
    {
        var r = Assert.Single(Emails.Read(Arf("Feedback-Type: abuse")).Recipients);
        Assert.Equal("reader@example.org", r.Recipient);
    }

    [Fact]
    public void Every_original_rcpt_to_is_a_complainer()
    {
        var report = Emails.Read(Arf("Feedback-Type: abuse\nOriginal-Rcpt-To: a@example.org\nOriginal-Rcpt-To: b@example.net"));
        Assert.Equal(["a@example.org", "b@example.net"], report.Recipients.Select(r => r.Recipient));
    }

    [Fact]
    public void An_opt_out_report_names_who_leaves_in_removal_recipient()
    {
        var r = Assert.Single(Emails.Read(Arf("Feedback-Type: opt-out\nRemoval-Recipient: leaver@example.org", to: "<Undisclosed Recipients>")).Recipients);
        Assert.Equal(("leaver@example.org", EventTypes.Complaint), (r.Recipient, r.EventType));
    }

    [Fact]
    public void A_complaint_that_names_nobody_stands_for_its_complainer_with_an_address_no_one_has()
    {
        var r = Assert.Single(Emails.Read(Arf("Feedback-Type: abuse", to: "\"undisclosed\"")).Recipients);
        Assert.Equal((MailRecipient.Undisclosed, EventTypes.Complaint), (r.Recipient, r.EventType));
        Assert.EndsWith(".invalid", r.Recipient, StringComparison.Ordinal);
    }

    [Fact]
    public void A_content_type_parameter_that_lost_its_indent_still_belongs_to_the_header()
    {
        // RFC 5965's own sample prints the boundary on a line of its own, unindented; reporters copy it so.
        var arf = Arf("Feedback-Type: abuse\nOriginal-Rcpt-To: <r@example.org>").Replace(
            "report-type=feedback-report; boundary=\"B\"", "report-type=feedback-report;\nboundary=\"B\"", StringComparison.Ordinal);
        var report = Emails.Read(arf);
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("arf", "r@example.org", "complaint"), (report.Format, r.Recipient, r.EventType));
    }

    [Fact]
    public void Hotmail_complaint_sent_as_the_message_itself_names_its_complainer()
    {
        // No report part and no complaint subject: the complained-about newsletter, with the header Hotmail's loop adds.
        var report = Emails.Read("Return-Path: fbl@isp.example\nX-HmXmrOriginalRecipient: reader@example.org\nFrom: news@example.com\nTo: reader@example.org\nSubject: Our offers\nMIME-Version: 1.0\nContent-Type: text/plain\n\nHello.\n");
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("arf", "reader@example.org", "complaint"), (report.Format, r.Recipient, r.EventType));
    }

    [Fact]
    public void Apple_mail_unsubscribe_is_a_complaint_by_its_sender()
    {
        var report = Emails.Read("From: reader@example.org\nTo: opt-out-1@list.example.com\nSubject: unsubscribe\nAuto-Submitted: auto-replied\nX-Apple-Unsubscribe: true\n\nApple Mail sent this email to unsubscribe.\n");
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("arf", "reader@example.org", "complaint"), (report.Format, r.Recipient, r.EventType));
    }

    [Fact]
    public void A_dmarc_failure_report_names_the_recipient_without_a_complaint()
    {
        var r = Assert.Single(Emails.Read(Arf("Feedback-Type: auth-failure\nAuth-Failure: dmarc\nOriginal-Rcpt-To: r@example.org")).Recipients);
        Assert.Equal(("r@example.org", "feedback", "undetermined", "sender"), (r.Recipient, r.Verdict.Reason, r.Verdict.Kind, r.Verdict.Scope));
    }

    [Fact]
    public void Not_spam_feedback_is_no_complaint()
    {
        var report = Emails.Read(Arf("Feedback-Type: not-spam\nOriginal-Rcpt-To: r@example.org"));
        Assert.Equal("arf", report.Format);
        Assert.False(report.IsBounce);
    }
}
