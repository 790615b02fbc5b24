using System.Text;
using BounceService.Classification.Mail;

namespace BounceService.Classification.Tests.Mail;

/// <summary>Builds small raw messages for the parser's unit tests.</summary>
internal static class Emails
{
    public static MailReport Read(string raw, string newline = "\n") =>
        MailBounces.Read(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings(newline)));

    public static string Dsn(string recipientFields, string returned = "Message-ID: <m1@example.com>\nX-Campaign-Id: c42\nList-Id: <news.example.com>\nTo: a@example.org\n") => $"""
        From: MAILER-DAEMON@mx.example.com
        To: sender@example.com
        Subject: Undelivered Mail Returned to Sender
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B"

        --B
        Content-Type: text/plain

        Your message could not be delivered.

        --B
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.com

        {recipientFields}

        --B
        Content-Type: message/rfc822

        {returned}
        Hello.

        --B--
        """;
}
