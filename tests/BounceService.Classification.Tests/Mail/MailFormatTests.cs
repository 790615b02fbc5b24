using System.Text;
using BounceService.Classification.Mail;

namespace BounceService.Classification.Tests.Mail;

public class MailFormatTests
{
    [Fact]
    public void Auto_reply_is_no_bounce()
    {
        var report = Emails.Read("From: a@example.org\nTo: sender@example.com\nSubject: Out of office\nAuto-Submitted: auto-replied\n\nI am away until Monday; mail b@example.org instead.\n");
        Assert.Equal(("autoreply", false), (report.Format, report.IsBounce));
    }

    [Fact]
    public void An_iCloud_vacation_reply_is_an_auto_reply()
    {
        var report = Emails.Read("From: a@example.org\nTo: sender@example.com\nSubject: Re: News\nX-Apple-Action: vacation\n\nI am away until Monday.\n");
        Assert.Equal(("autoreply", false), (report.Format, report.IsBounce));
    }

    [Fact]
    public void Ordinary_mail_is_no_bounce()
    {
        var report = Emails.Read("From: a@example.org\nTo: sender@example.com\nSubject: Lunch?\n\n<b@example.org>: are you coming?\n");
        Assert.Equal(("none", false), (report.Format, report.IsBounce));
    }

    [Theory]
    [InlineData("Re: undeliverable message?")]
    [InlineData("AW: Mail delivery failed")]
    [InlineData("Fwd: Returned mail: see transcript for details")]
    public void A_persons_reply_about_a_bounce_is_no_bounce(string subject)
    {
        var report = Emails.Read($"From: Support <support@example.org>\nTo: sender@example.com\nSubject: {subject}\n\n"
            + "Your mail to kuroneko@example.org bounced with \"550 5.1.1 User unknown\", but the address is right.\n");
        Assert.Equal(("none", false), (report.Format, report.IsBounce));
    }

    [Fact]
    public void A_help_desks_automatic_receipt_naming_a_delivery_failure_is_no_bounce()
    {
        var report = Emails.Read("From: Support <support@example.org>\nTo: sender@example.com\nSubject: [#1] Request received: Delivery failure\n"
            + "Auto-Submitted: auto-replied\n\nYour request was received.\n> Mail to kuroneko@example.org bounced with \"550 5.1.1 User unknown\".\n");
        Assert.Equal(("autoreply", false), (report.Format, report.IsBounce));
    }

    [Fact]
    public void A_mail_systems_bounce_about_a_reply_is_a_bounce()
    {
        var report = Emails.Read("From: MAILER-DAEMON@mx.example.org\nTo: sender@example.com\nSubject: Undeliverable: Re: lunch\n\n"
            + "<kuroneko@example.org>: 550 5.1.1 User unknown\n");
        Assert.Equal("kuroneko@example.org", Assert.Single(report.Recipients).Recipient);
    }

    public static TheoryData<byte[]> Malformed() => new()
    {
        Array.Empty<byte>(),
        Encoding.ASCII.GetBytes("\0\0\0garbage"),
        Encoding.ASCII.GetBytes("Content-Type: multipart/report; boundary=\"x\"\n\n" + string.Concat(Enumerable.Repeat("--x\nContent-Type: multipart/mixed; boundary=\"x\"\n\n", 5000))),
        Encoding.ASCII.GetBytes("Subject: failure notice\n\n" + new string('a', 3_000_000) + "@" + new string('b', 100_000)),
        Encoding.ASCII.GetBytes("Content-Type: message/delivery-status\n\n" + string.Concat(Enumerable.Repeat("Final-Recipient: rfc822; a@b.example\n", 20000))),
        Encoding.ASCII.GetBytes("Subject: failure notice\n\n" + new string(' ', 400_000) + new string('a', 400_000) + "@\n"),
        Encoding.ASCII.GetBytes("Subject: " + new string(' ', 300_000) + "delivery" + new string(' ', 300_000) + "x\n\nhello\n"),
        Encoding.ASCII.GetBytes("Subject: failure notice\nContent-Type: multipart/report; boundary=\"b\"\n\n--b\nContent-Type: message/rfc822\n\n" + new string(':', 200_000) + "\n--b--\n"),
        Encoding.ASCII.GetBytes("Subject: failure notice\nContent-Type: text/html\n\n" + string.Concat(Enumerable.Repeat("<script>", 50_000)) + new string('<', 100_000)),
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_mail_never_throws_or_hangs(byte[] raw)
    {
        var started = DateTime.UtcNow;
        var report = MailBounces.Read(raw);
        Assert.NotNull(report);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }
}
