using System.Text;
using BounceService.Classification.Mail;

namespace BounceService.Classification.Tests;

/// <summary>Non-English wordings of the reasons that decide a subscriber's fate, as real bounces carry them.</summary>
public class LanguagesTests
{
    [Theory]
    [InlineData("550 Benutzer nicht bekannt")]
    [InlineData("550 5.1.1 <a@example.de>... Niemand unter dieser Adresse bekannt")]
    [InlineData("550 5.1.1 Es gibt keine Person mit diesem Namen unter dieser Adresse")]
    [InlineData("Die eingegebene E-Mail-Adresse konnte nicht gefunden werden. Überprüfen Sie die E-Mail-Adresse des Empfängers.")]
    [InlineData("Die E-Mail-Adresse des Empfängers wurde im E-Mail-System des Empfängers nicht gefunden.")]
    [InlineData("550 <a@example.it>: destin. Sconosciuto")]
    [InlineData("550 5.1.1 <a@example.it>: Destinatario errato")]
    [InlineData("550 5.1.1 <a@example.it>: Destinatario sconosciuto o mailbox disattivata")]
    [InlineData("550 5.1.1 <a@example.it>: Indirizzo inesistente")]
    [InlineData("550 5.1.1 <a@example.pl>: Nie ma takiego konta")]
    public void Says_the_mailbox_does_not_exist(string line) =>
        Assert.Equal(Reasons.UserUnknown, TextRules.Match(line)?.Reason);

    [Theory]
    [InlineData("550 Benutzer hat das Speichervolumen ueberschritten. / User has exhausted allowed storage space.")]
    [InlineData("550 Benutzer hat zuviele Mails auf dem Server.")]
    [InlineData("Die Nachricht konnte nicht zugestellt werden, da die Kapazität des Empfänger E-Mail Postfaches erschöpft ist.")]
    [InlineData("DA DIE KAPAZITÄT DES EMPFÄNGER E-MAIL POSTFACHES ERSCHÖPFT IST")]
    [InlineData("Mailbox size exceeded - Mailbox voll")]
    public void Says_the_mailbox_is_full(string line) =>
        Assert.Equal((Reasons.MailboxFull, "soft"), TextRules.Match(line));

    [Theory]
    [InlineData("550 5.2.1 <a@example.de>: Adressat unbekannt oder Mailbox deaktiviert")]
    [InlineData("550 5.2.1 <a@example.fr>: Destinataire inconnu ou boite aux lettres desactivee")]
    [InlineData("550 <a@example.com.ar>: Esta casilla ha expirado por falta de uso")]
    [InlineData("550 <a@example.com.ar>: El usuario esta en estado: inactivo")]
    [InlineData("550 5.2.1 <a@example.it>: Questo indirizzo e' bloccato per inutilizzo")]
    [InlineData("550 5.2.1 <a@example.pl>: Podane konto jest zablokowane administracyjnie lub nieaktywne")]
    public void Says_the_mailbox_is_disabled(string line) =>
        Assert.Equal(Reasons.Suspend, TextRules.Match(line)?.Reason);

    // Whole bounces whose reason is only in the words, the words in an encoded body as providers send them.

    [Fact]
    public void A_quoted_printable_latin1_report_says_the_address_does_not_exist()
    {
        var recipient = ReadPlainBounce("ISO-8859-1", "quoted-printable",
            "<a@example.de>: host mx.example.de[192.0.2.1] said: 550 Die E-Mail-Adresse des Empf=E4ngers wurde im\n"
            + "    E-Mail-System des Empf=E4ngers nicht gefunden. (in reply to RCPT TO command)\n");
        Assert.Equal("a@example.de", recipient.Recipient);
        Assert.Equal(Reasons.UserUnknown, recipient.Verdict.Reason);
    }

    [Fact]
    public void A_base64_utf8_report_says_the_mailbox_is_full()
    {
        var recipient = ReadPlainBounce("UTF-8", "base64", Base64Lines(
            "<a@example.de>: 550 Die Nachricht konnte nicht zugestellt werden, da die Kapazität des Empfänger E-Mail Postfaches erschöpft ist.\n"));
        Assert.Equal(Reasons.MailboxFull, recipient.Verdict.Reason);
        Assert.Equal("soft", recipient.Verdict.Kind);
    }

    [Fact]
    public void A_quoted_printable_latin1_report_says_the_mailbox_expired_for_lack_of_use()
    {
        var recipient = ReadPlainBounce("ISO-8859-1", "quoted-printable",
            "Direcci=F3n: <a@example.com.ar>: 550 Esta casilla ha expirado por falta de uso\n");
        Assert.Equal(Reasons.Suspend, recipient.Verdict.Reason);
    }

    private static MailRecipient ReadPlainBounce(string charset, string encoding, string body)
    {
        var raw = "From: MAILER-DAEMON@mx.example.net\nTo: sender@example.com\nSubject: Undelivered Mail Returned to Sender\n"
            + $"MIME-Version: 1.0\nContent-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: {encoding}\n\n{body}";
        return Assert.Single(MailBounces.Read(Encoding.ASCII.GetBytes(raw)).Recipients);
    }

    private static string Base64Lines(string text) =>
        string.Join('\n', Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).Chunk(76).Select(line => new string(line))) + "\n";
}
