namespace BounceService.Classification.Tests.Mail;

public class DeliveryStatusTests
{
    [Fact]
    public void Failed_recipient_is_a_hard_bounce_with_its_codes()
    {
        var report = Emails.Read(Emails.Dsn("Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown"));
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("dsn", "a@example.org", "5.1.1", 550), (report.Format, r.Recipient, r.Status, r.ReplyCode));
        Assert.Equal(("hard", "userunknown", true), (r.Verdict.Kind, r.Verdict.Reason, r.Hard));
    }

    [Fact]
    public void An_internationalised_address_in_a_global_report_is_the_recipient()
    {
        // RFC 6533: message/global-delivery-status, an "utf-8" address type, UTF-8 in the notice.
        var report = Emails.Read("""
            From: MAILER-DAEMON@mx.example.jp
            Subject: Undelivered Mail Returned to Sender
            Content-Type: multipart/report; report-type=delivery-status; boundary="u1"

            --u1
            Content-Type: text/plain; charset=utf-8

            <josé@example.com>: host mx.example.com said: 550 5.1.1 User unknown (in reply to RCPT TO command)

            --u1
            Content-Type: message/global-delivery-status

            Reporting-MTA: dns; mx.example.jp

            Final-Recipient: utf-8; josé@example.com
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 User unknown

            --u1--
            """);
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("josé@example.com", "5.1.1", "userunknown"), (r.Recipient, r.Status, r.Verdict.Reason));
    }

    [Fact]
    public void Original_recipient_names_the_subscriber_and_the_final_one_is_kept()
    {
        var report = Emails.Read(Emails.Dsn("Original-Recipient: rfc822;list@example.org\nFinal-Recipient: RFC822; <b@example.org>\nAction: failed\nStatus: 5.2.2"));
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("list@example.org", "b@example.org", "soft"), (r.Recipient, r.FinalRecipient, r.Verdict.Kind));
    }

    // The Remote-MTA field names the host that answered: Yahoo's [TSS04] is its own code only from Yahoo's hosts.
    [Theory]
    [InlineData("Remote-MTA: dns; mta6.am0.yahoodns.net\n", "rejected")]
    [InlineData("Remote-MTA: dns; mx.example.org\n", "badreputation")]
    [InlineData("", "badreputation")]
    public void The_remote_mta_tells_which_provider_answered(string remoteMta, string reason)
    {
        var report = Emails.Read(Emails.Dsn("Final-Recipient: rfc822; a@example.org\nAction: delayed\nStatus: 4.7.0\n" + remoteMta
            + "Diagnostic-Code: smtp; 421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints"));
        Assert.Equal(reason, Assert.Single(report.Recipients).Verdict.Reason);
    }

    [Fact]
    public void The_sending_mta_category_is_kept_per_recipient()
    {
        var report = Emails.Read(Emails.Dsn("Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.2.1\nDiagnostic-Code: smtp;550 5.2.1 <a@example.org>... User Unknown\nX-PowerMTA-BounceCategory: bad-mailbox\n\n"
            + "Final-Recipient: rfc822; b@example.org\nAction: failed\nStatus: 5.2.2\nX-PowerMTA-BounceCategory: quota-issues"));
        Assert.Equal(["bad-mailbox", "quota-issues"], report.Recipients.Select(r => r.Label));
    }

    [Fact]
    public void Folded_diagnostic_code_is_read_whole()
    {
        var report = Emails.Read(Emails.Dsn("Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 550-5.7.26 Unauthenticated email is not\n    accepted due to domain's DMARC policy"));
        var r = Assert.Single(report.Recipients);
        Assert.Contains("DMARC policy", r.Diagnostic);
        Assert.Equal(("5.7.26", "authfailure", false), (r.Status, r.Verdict.Reason, r.Hard));
    }

    [Fact]
    public void Delayed_dsn_is_soft()
    {
        var report = Emails.Read(Emails.Dsn("Final-Recipient: rfc822; a@example.org\nAction: delayed\nStatus: 5.4.7\nWill-Retry-Until: Fri, 1 May 2026 00:00:00 +0000"));
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("delayed", "soft", false), (r.Action, r.Verdict.Kind, r.Hard));
    }

    [Theory]
    [InlineData("Action: delivered\nStatus: 2.0.0")]
    [InlineData("Action: relayed\nStatus: 2.0.0")]
    [InlineData("Action: expanded\nStatus: 2.0.0")]
    [InlineData("Action: failed\nStatus: 2.1.5")]
    public void Success_dsn_is_no_bounce(string fields)
    {
        var report = Emails.Read(Emails.Dsn("Final-Recipient: rfc822; a@example.org\n" + fields));
        Assert.Equal("dsn", report.Format);
        Assert.False(report.IsBounce);
    }

    [Fact]
    public void Each_recipient_block_is_one_recipient()
    {
        var report = Emails.Read(Emails.Dsn("Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\n\nFinal-Recipient: rfc822; b@example.org\nAction: failed\nStatus: 4.2.2"));
        Assert.Equal(["a@example.org", "b@example.org"], report.Recipients.Select(r => r.Recipient));
        Assert.Equal([true, false], report.Recipients.Select(r => r.Hard));
    }

    [Fact]
    public void A_recipient_listed_several_times_is_one_recipient()
    {
        var block = "Final-Recipient: rfc822; <a@example.org>\nAction: failed\nStatus: 5.1.1\n";
        var report = Emails.Read(Emails.Dsn(block + "\n" + block.Replace("<a@", "<A@") + "X-Actual-Recipient: rfc822; a@example.org\n\n"
            + "Final-Recipient: rfc822; b@example.org\nAction: failed\nStatus: 5.2.2\n\n" + block));
        Assert.Equal([("a@example.org", "5.1.1"), ("b@example.org", "5.2.2")], report.Recipients.Select(r => (r.Recipient, r.Status)));
    }

    [Fact]
    public void Recipients_written_without_a_blank_line_between_them_are_still_two()
    {
        var report = Emails.Read(Emails.Dsn("Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.2.2\nFinal-Recipient: rfc822; b@example.org\nAction: failed\nStatus: 5.1.1"));
        Assert.Equal([("a@example.org", "5.2.2"), ("b@example.org", "5.1.1")], report.Recipients.Select(r => (r.Recipient, r.Status)));
    }

    [Fact]
    public void A_final_recipient_on_a_host_without_a_dot_is_kept()
    {
        var report = Emails.Read(Emails.Dsn("Final-Recipient: rfc822; user@mailhub\nOriginal-Recipient: rfc822;alias@example.org\nAction: failed\nStatus: 5.2.0"));
        var r = Assert.Single(report.Recipients);
        Assert.Equal(("alias@example.org", "user@mailhub"), (r.Recipient, r.FinalRecipient));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Every_line_ending_reads_the_same(string newline)
    {
        var report = Emails.Read(Emails.Dsn("Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1"), newline);
        Assert.Equal(("a@example.org", "5.1.1"), (Assert.Single(report.Recipients).Recipient, report.Recipients[0].Status));
        Assert.Equal("m1@example.com", report.Original?.MessageId);
    }
}
