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
    public void A_lotus_notes_out_of_office_reply_is_an_auto_reply()
    {
        // Notes writes no Auto-Submitted header; its subject's "AUTO:" says what it is.
        var report = Emails.Read("From: Kuroneko.Tama@example.org\nTo: sender@example.com\nSubject: AUTO: Tama, Kuroneko is out of the office (returning 05/01/2026)\n\n"
            + "I am out of the office until 05/01/2026.\n");
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

    [Fact]
    public void A_reply_from_the_null_sender_is_a_mail_systems_bounce_not_an_auto_reply()
    {
        // A router's autoreply that refuses an unknown user: marked auto-replied, but no person writes as "<>".
        var report = Emails.Read("From: <>\nTo: sender@example.com\nSubject: Re: News\nAuto-Submitted: auto-replied\n\n"
            + "You sent mail to kuroneko@example.org. That's not a valid user here.\n");
        Assert.Equal(("mta-text", true), (report.Format, report.IsBounce));
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

    // Pieces that send a MIME parser down unusual paths when dropped into a real bounce.
    private static readonly byte[][] Splinters =
    [
        .. new[]
        {
            "\n--", "\r", "\n\n", "=?utf-8?B?", "Content-Transfer-Encoding: base64\n", "Content-Type: message/rfc822\n\n",
            "Content-Type: multipart/report; boundary=\"x\"\n", "Final-Recipient: rfc822; <>@\n", "charset=\"iso-2022-jp\"\n\u001b$B",
        }.Select(Encoding.ASCII.GetBytes),
        [0xFF, 0xFE, 0x00],
    ];

    [Fact]
    public void Real_bounces_mangled_at_random_never_throw_or_hang()
    {
        // Every corpus message, four times, each with a few random edits: bytes changed, cut, repeated, or
        // MIME pieces inserted. Seeded, so a failure can be replayed.
        var random = new Random(3464);
        var messages = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.eml", SearchOption.AllDirectories).ToList();
        Assert.True(messages.Count > 700);
        foreach (var file in messages)
        {
            var original = File.ReadAllBytes(file);
            for (var variant = 0; variant < 4; variant++)
            {
                var mangled = Mangle(original, random);
                var started = DateTime.UtcNow;
                var report = MailBounces.Read(mangled);
                Assert.NotNull(report);
                Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), $"{file}, variant {variant}");
            }
        }
    }

    private static byte[] Mangle(byte[] original, Random random)
    {
        var bytes = original.ToList();
        for (var edit = random.Next(1, 8); edit > 0 && bytes.Count > 0; edit--)
        {
            var at = random.Next(bytes.Count);
            var length = Math.Min(random.Next(1, 400), bytes.Count - at);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveRange(at, length); break;
                case 2: bytes.InsertRange(at, Splinters[random.Next(Splinters.Length)]); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default:
                    var piece = bytes.GetRange(at, length);
                    for (var copies = random.Next(1, 50); copies > 0; copies--) bytes.InsertRange(at, piece);
                    break;
            }
        }
        return [.. bytes];
    }
}
