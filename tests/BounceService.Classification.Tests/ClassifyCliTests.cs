using System.Text;
using System.Text.Json;
using BounceService.Classify;

namespace BounceService.Classification.Tests;

/// <summary>bounce-classify's JSON lines: the corpus labels' shape, so the two can be diffed.</summary>
public class ClassifyCliTests
{
    private const string Exim = """
        From: Mail Delivery System <Mailer-Daemon@mx.example.jp>
        To: sender@example.jp
        Subject: Mail delivery failed: returning message to sender
        X-Failed-Recipients: kijitora@example.net

        This message was created automatically by mail delivery software.

        A message that you sent could not be delivered to one or more of its
        recipients. This is a permanent error. The following address(es) failed:

          kijitora@example.net
            {0}

        """;

    [Fact]
    public void A_bounce_prints_each_recipient_with_its_status_and_verdict()
    {
        var line = File(string.Format(Exim, "SMTP error from remote mail server after RCPT TO:<kijitora@example.net>: 550 5.1.1 User unknown"));
        Assert.Equal("bounce.eml", line.GetProperty("file").GetString());
        var entry = Assert.Single(line.GetProperty("expect").EnumerateArray());
        Assert.Equal("kijitora@example.net", entry.GetProperty("recipient").GetString());
        Assert.Equal("5.1.1", entry.GetProperty("status").GetString());
        Assert.Equal("550", entry.GetProperty("reply_code").GetString());
        Assert.Equal("userunknown", entry.GetProperty("reason").GetString());
        Assert.True(entry.GetProperty("hard").GetBoolean());
        Assert.Equal("hard", entry.GetProperty("kind").GetString());
        Assert.Equal("recipient", entry.GetProperty("scope").GetString());
    }

    [Fact]
    public void A_bounce_without_a_status_prints_sisimais_stand_in()
    {
        var entry = Assert.Single(File(string.Format(Exim, "Mailbox quota exceeded")).GetProperty("expect").EnumerateArray());
        Assert.Equal("mailboxfull", entry.GetProperty("reason").GetString());
        // Exim bounces a full mailbox only after retrying it: Sisimai's Exim module gives the temporary stand-in.
        Assert.Equal("4.0.922", entry.GetProperty("status").GetString());
    }

    [Fact]
    public void A_forwarded_address_prints_the_one_that_failed_and_the_one_we_sent_to()
    {
        var line = File("""
            From: MAILER-DAEMON@relay.example.jp
            Subject: Undelivered Mail Returned to Sender
            Content-Type: multipart/report; report-type=delivery-status; boundary="b"

            --b
            Content-Type: message/delivery-status

            Reporting-MTA: dns; relay.example.jp

            Original-Recipient: rfc822; sales@example.jp
            Final-Recipient: rfc822; tanaka@internal.example.jp
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 User unknown

            --b--
            """);
        var entry = Assert.Single(line.GetProperty("expect").EnumerateArray());
        Assert.Equal("tanaka@internal.example.jp", entry.GetProperty("recipient").GetString());
        Assert.Equal("sales@example.jp", entry.GetProperty("original_recipient").GetString());
    }

    [Fact]
    public void A_message_that_is_no_bounce_prints_an_empty_list()
    {
        var line = File("From: a@example.jp\nTo: b@example.org\nSubject: lunch\n\nSee you at noon, c@example.net too.\n");
        Assert.Empty(line.GetProperty("expect").EnumerateArray());
    }

    [Fact]
    public void One_diagnostic_line_is_classified()
    {
        using var output = new MemoryStream();
        JsonLines.WriteText(output, "452 4.2.2 Mailbox full");
        var entry = Assert.Single(Parse(output).GetProperty("expect").EnumerateArray());
        Assert.Equal("4.2.2", entry.GetProperty("status").GetString());
        Assert.Equal("mailboxfull", entry.GetProperty("reason").GetString());
        Assert.False(entry.GetProperty("hard").GetBoolean());
    }

    private static JsonElement File(string message)
    {
        using var output = new MemoryStream();
        JsonLines.WriteFile(output, "bounce.eml", Encoding.UTF8.GetBytes(message));
        return Parse(output);
    }

    private static JsonElement Parse(MemoryStream output)
    {
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.EndsWith("\n", text);
        Assert.Single(text.TrimEnd('\n').Split('\n'));
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
