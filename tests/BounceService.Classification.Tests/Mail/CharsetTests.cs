using System.Text;
using BounceService.Classification.Mail;

namespace BounceService.Classification.Tests.Mail;

public class CharsetTests
{
    // "ユーザー" and "ディレクトリのリストにありません" in ISO-2022-JP, as Domino and Notes write them.
    private const string User = "\u001b$B%f!<%6!<\u001b(B";
    private const string NotInDirectory = "\u001b$B%G%#%l%/%H%j$N%j%9%H$K$\"$j$^$;$s\u001b(B";

    [Fact]
    public void Iso_2022_jp_in_a_delivery_status_part_without_a_charset_is_decoded()
    {
        var report = Emails.Read(Emails.Dsn($"Final-Recipient: rfc822;a@example.org\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: X-Notes; {User} Neko (a@example.org)"));
        var r = Assert.Single(report.Recipients);
        Assert.Equal("X-Notes; ユーザー Neko (a@example.org)", r.Diagnostic);
    }

    [Fact]
    public void Iso_2022_jp_text_part_is_decoded()
    {
        var raw = "From: postmaster@mx.example.com\nTo: sender@example.com\nSubject: Undeliverable message\nContent-Type: text/plain; charset=ISO-2022-JP\n\n"
            + "------- Failure Reasons  --------\n\n" + NotInDirectory + "\na@example.org\n\n------- Returned Message --------\nTo: a@example.org\n";
        var r = Assert.Single(Emails.Read(raw).Recipients);
        Assert.Equal("a@example.org", r.Recipient);
        Assert.Contains("ディレクトリのリストにありません", r.Diagnostic);
    }

    [Theory]
    [InlineData("shift_jis", "宛先不明")]
    [InlineData("euc-jp", "宛先不明")]
    [InlineData("windows-1252", "Adresse électronique inconnue")]
    [InlineData("koi8-r", "Пользователь не найден")]
    public void Text_in_a_code_page_charset_is_decoded(string charset, string words)
    {
        var head = $"From: MAILER-DAEMON@mx.example.com\nTo: sender@example.com\nSubject: Undelivered Mail\nContent-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: 8bit\n\n";
        var raw = Encoding.ASCII.GetBytes(head).Concat(CodePagesEncodingProvider.Instance.GetEncoding(charset)!.GetBytes($"<a@example.org>: 550 {words}\n")).ToArray();
        var r = Assert.Single(MailBounces.Read(raw).Recipients);
        Assert.Equal("550 " + words, r.Diagnostic);
    }
}
