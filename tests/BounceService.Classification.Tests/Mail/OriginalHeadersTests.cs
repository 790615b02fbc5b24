namespace BounceService.Classification.Tests.Mail;

public class OriginalHeadersTests
{
    [Fact]
    public void Returned_message_gives_message_id_x_headers_and_list_id()
    {
        var original = Emails.Read(Emails.Dsn("Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1")).Original;
        Assert.NotNull(original);
        Assert.Equal("m1@example.com", original.MessageId);
        Assert.Equal("c42", original.Headers["x-campaign-id"]);
        Assert.Equal("<news.example.com>", original.Headers["List-Id"]);
        Assert.False(original.Headers.ContainsKey("To"));
    }

    [Fact]
    public void Rfc822_headers_part_gives_the_headers_too()
    {
        var raw = Emails.Dsn("Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1")
            .Replace("Content-Type: message/rfc822", "Content-Type: text/rfc822-headers");
        Assert.Equal("c42", Emails.Read(raw).Original?.Headers["X-Campaign-Id"]);
    }

    [Fact]
    public void Copy_pasted_under_mta_text_gives_the_headers()
    {
        var report = Emails.Read("""
            From: Mail Delivery System <Mailer-Daemon@mx.example.com>
            To: sender@example.com
            Subject: Mail delivery failed: returning message to sender
            X-Failed-Recipients: a@example.org

            A message that you sent could not be delivered to one or more of its
            recipients. This is a permanent error. The following address(es) failed:

              a@example.org
                host mx.example.org [192.0.2.1]: 550 5.1.1 <a@example.org>: User unknown

            ------ This is a copy of the message, including all the headers. ------

            Message-Id: <m2@example.com>
            X-Mailer-List: l7
            Subject: Hello

            Hello.
            """);
        Assert.Equal("mta-text", report.Format);
        Assert.Equal(("a@example.org", "userunknown"), (Assert.Single(report.Recipients).Recipient, report.Recipients[0].Verdict.Reason));
        Assert.Equal(("m2@example.com", "l7"), (report.Original?.MessageId, report.Original?.Headers["X-Mailer-List"]));
    }
}
