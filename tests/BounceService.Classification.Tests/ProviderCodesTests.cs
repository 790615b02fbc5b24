namespace BounceService.Classification.Tests;

/// <summary>Providers' own refusal codes name the cause, whatever the status code says.</summary>
public class ProviderCodesTests
{
    [Theory]
    [InlineData("550 5.5.0 Le compte du destinataire est bloque. The recipient account is blocked. LPN007_426", "suspend")]
    [InlineData("421 mwinf5c77 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR_999 [999]", "blocked")]
    [InlineData("421 4.2.0 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_505 [505]", "systemerror")]
    [InlineData("550 5.5.0 Service refuse. Veuillez essayer plus tard. service refused, please try later. LPN001_108", "undefined")]
    [InlineData("550 5.1.0 <bounce@example.com> sender rejected. Refer to Error Codes section. AUP#CDRBL", "blocked")]
    [InlineData("550 5.1.0 <bounce@example.com> sender rejected. Please see spectrum.net for more information. AUP#In-1310", "toomanyconn")]
    [InlineData("554 5.7.1 <bounce@example.com> rDNS lookup failed for 192.0.2.1. Refer to Error Codes section. AUP#CXDNS", "requireptr")]
    [InlineData("550 5.7.1 <bounce@example.com> failed SPF, DKIM or DMARC checks. AUP#CXSNDR", "authfailure")]
    [InlineData("421 4.7.0 192.0.2.1 has an issue with its DNS. Please see spectrum.net. AUP#I-1100", "requireptr")]
    [InlineData("452 4.5.3 Too many recipients in a short period of time. Please see spectrum.net. AUP#O-1580", "speeding")]
    [InlineData("550 5.1.1 <a@example.com> - 203.0.113.222 has sent to too many recipients this hour. IB607 <http://x.co/rlbounce>", "speeding")]
    [InlineData("550 5.1.0 192.0.2.222 is not allowed to send from <example.net> per it's SPF Record. IB508", "authfailure")]
    [InlineData("421 Temporarily rejected. Reverse DNS for this IP failed. IB108", "requireptr")]
    [InlineData("554 Connection refused. This IP has a poor reputation on Cloudmark Sender Intelligence (CSI). IB103", "badreputation")]
    [InlineData("550 a@example.com Blank From: addresses are not allowed. Provide a valid From. IB501", "notcompliantrfc")]
    [InlineData("452 This message contains too many recipients. Reduce the number of recipients and retry. IB605", "toomanyconn")]
    [InlineData("host mta6.am0.yahoodns.net[67.195.204.72] said: 421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints", "rejected")]
    [InlineData("host mta7.am0.yahoodns.net [98.136.96.91]: 554 Message not allowed - [PH01] Email not accepted for policy reasons.", "policyviolation")]
    [InlineData("554 delivery error: dd This user doesn't have a example.com account (a@example.com) [0] - mta1.example.com", "userunknown")]
    [InlineData("554 delivery error: dd a@yahoo.com is no longer valid. [-20] - mta2.example.com", "suspend")]
    [InlineData("554 Host network not allowed - https://community.mimecast.com/docs/DOC-1369#554", "policyviolation")]
    [InlineData("554 email rejected due to security policies - MCSpamSignature.sa.2.2", "virusdetected")]
    [InlineData("550 DMARC Sender Invalid - envelope rejected - https://community.mimecast.com/docs/DOC-1369#550", "authfailure")]
    [InlineData("550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550", "userunknown")]
    [InlineData("501 Connection rejected by policy [7.7] 20805, please visit www.messagelabs.com/support for more details about this error message.", "badreputation")]
    [InlineData("553 This route requires TLS version 1.2 or greater - https://community.mimecast.com/docs/DOC-1369#553", "securityerror")]
    [InlineData("550 Mailbox is frozen. See http://mail.i.ua/err/3/", "suspend")]
    [InlineData("550: <a@ezweb.ne.jp>: User unknown", "userunknown")]
    [InlineData("550 : User unknown (a@ezweb.ne.jp)", "filtered")]
    [InlineData("550 Mail is rejected by recipients. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000729", "rejected")]
    [InlineData("550 Suspected spam ip, please try again later.", "blocked")]
    [InlineData("550 Spf check failed. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1001497", "authfailure")]
    [InlineData("550 Connection denied. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000730", "blocked")]
    [InlineData("550 Suspected spam. https://service.mail.qq.com/detail/122/71", "rejected")]
    public void A_providers_code_decides_the_reason(string diagnostic, string reason) =>
        Assert.Equal(reason, Bounces.Classify(diagnostic).Reason);

    [Theory]
    [InlineData("DATA", "rejected")]
    [InlineData("RCPT", "userunknown")]
    public void Ntt_docomos_unknown_user_depends_on_the_command(string command, string reason) =>
        Assert.Equal(reason, Classifier.Classify(new BounceInput(EventTypes.Bounce, DsnCode: "5.0.0",
            Diagnostic: "550 Unknown user a@docomo.ne.jp", SmtpCommand: command)).Reason);

    // Sisimai reads Yahoo's bracketed codes only where a Yahoo host answered; elsewhere the words decide.
    [Theory]
    [InlineData("mta6.am0.yahoodns.net", "rejected")]
    [InlineData("mx.example.com", "badreputation")]
    [InlineData(null, "badreputation")]
    public void Yahoos_codes_count_where_yahoo_answered(string? remoteHost, string reason) =>
        Assert.Equal(reason, Classifier.Classify(new BounceInput(EventTypes.Bounce, RemoteHost: remoteHost,
            Diagnostic: "421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints")).Reason);

    // GoDaddy's plain words name its reasons only where its host answered.
    [Theory]
    [InlineData("smtp.secureserver.net", "suspend")]
    [InlineData("mx.example.com", "onhold")]
    public void GoDaddys_words_count_where_godaddy_answered(string remoteHost, string reason) =>
        Assert.Equal(reason, Classifier.Classify(new BounceInput(EventTypes.Bounce, RemoteHost: remoteHost,
            Diagnostic: "Account disabled")).Reason);

    // Likewise Cox's and Mimecast's, from a DSN's Remote-MTA.
    [Theory]
    [InlineData("cxr.mx.east.cox.net", "554 cxr.mx.east.cox.net ESMTP no data before greeting", "policyviolation")]
    [InlineData("us-smtp-inbound-1.mimecast.com", "550 Rejected by header-based Blocked Senders - Block policy for Header From", "rejected")]
    [InlineData("cluster5.eu.messagelabs.com", "452 too many messages (#4.3.0)", "toomanyconn")]
    [InlineData("mx3.qq.com", "550 Connection denied, please try again later", "blocked")]
    [InlineData("mailin-01.mx.aol.com", "Name service error for name=aol.com type=MX: Malformed or unexpected name server reply", "notaccept")]
    public void Words_count_where_their_providers_host_answered(string remoteHost, string diagnostic, string reason)
    {
        Assert.Equal(reason, Classifier.Classify(new BounceInput(EventTypes.Bounce, RemoteHost: remoteHost, Diagnostic: diagnostic)).Reason);
        Assert.NotEqual(reason, Classifier.Classify(new BounceInput(EventTypes.Bounce, RemoteHost: "mx.example.com", Diagnostic: diagnostic)).Reason);
    }

    // Or where the recipient's domain is theirs, as Sisimai 5's Rhost.pm tries first: a DNS failure names no host.
    [Theory]
    [InlineData("a@cox.net", "554 ESMTP no data before greeting", "policyviolation")]
    [InlineData("a@qq.com", "550 Spf check failed", "authfailure")]
    [InlineData("<a@AOL.com>", "Name service error for name=aol.com type=MX: Malformed or unexpected name server reply", "notaccept")]
    public void Words_count_where_the_recipients_domain_is_their_providers(string recipient, string diagnostic, string reason)
    {
        Assert.Equal(reason, Classifier.Classify(new BounceInput(EventTypes.Bounce, Recipient: recipient, Diagnostic: diagnostic)).Reason);
        Assert.NotEqual(reason, Classifier.Classify(new BounceInput(EventTypes.Bounce, Recipient: "a@example.com", Diagnostic: diagnostic)).Reason);
    }

    [Fact]
    public void Ntt_docomos_bad_sequence_is_a_syntax_error() =>
        Assert.Equal("syntaxerror", Classifier.Classify(new BounceInput(EventTypes.Bounce, DsnCode: "5.0.0",
            Diagnostic: "503 Bad sequence of commands (a@docomo.ne.jp)")).Reason);

    [Theory]
    [InlineData("550 5.1.0 sender rejected. AUP#NOSUCHCODE")]
    [InlineData("550 5.1.1 Library IB9 is not a code")]
    // Mimecast's wording counts only where Mimecast signs the reply: elsewhere it is Sisimai's "blocked".
    [InlineData("554 Host network not allowed")]
    [InlineData("554 email rejected due to security policies")]
    public void An_unknown_code_leaves_the_reason_to_the_rest(string diagnostic) =>
        Assert.NotEqual("undefined", Bounces.Classify(diagnostic).Reason);
}
