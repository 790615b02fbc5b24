using System.Collections.Frozen;
using System.Numerics;
using System.Text.RegularExpressions;

namespace BounceService.Classification;

/// <summary>
/// How receiving servers phrase each reason, as data: phrases found anywhere, phrases that must appear in
/// order, and phrases that rule a reason out. Ported from Sisimai's <c>Reason/*.pm</c> (BSD 2-Clause, see
/// NOTICE.md); entries marked "design" come from design.md or the AcelleMail guide. Phrases are lower case and
/// are looked for in <see cref="TextRules.Prepare"/>d text with vectorised multi-string search.
/// </summary>
internal static partial class ReasonPhrases
{
    private sealed record Phrases(string[] Anywhere, string[][]? InOrder = null, string[]? Unless = null, Regex? Pattern = null);

    /// <summary>Which reasons a text says: one bit per reason of <see cref="ByReason"/>.</summary>
    public readonly record struct Said(ulong Bits)
    {
        // Most texts say no reason at all: then there is nothing to look up.
        public bool Says(string reason) => Bits != 0 && Index.TryGetValue(reason, out var i) && (Bits & (1UL << i)) != 0;
    }

    /// <summary>Reads <paramref name="text"/> (prepared) once for every reason's phrases.</summary>
    /// <remarks>All phrases, and the longest piece of each phrase in order, are looked for in one pass
    /// (<see cref="PhraseAutomaton"/>); phrases in order and the spam pattern are checked only for reasons not
    /// already said.</remarks>
    public static Said Read(string text)
    {
        var found = Automaton.Scan(text);
        ulong said = (ulong)found & uint.MaxValue, ruledOut = (ulong)found >> 32;
        // Most texts hold none of the phrases in order: one is looked for piece by piece only when the scan found
        // its longest piece.
        for (var keys = (ulong)(found >> 64); keys != 0; keys &= keys - 1)
        {
            foreach (var (reason, pieces) in PhrasesInOrderByTag[BitOperations.TrailingZeroCount(keys)])
            {
                var bit = 1UL << reason;
                if ((said & bit) == 0 && InOrder(text, pieces)) said |= bit;
            }
        }
        foreach (var (reason, phrases) in Ordered)
        {
            var bit = 1UL << reason;
            if ((said & bit) == 0 && Says(phrases.Pattern, text)) said |= bit;
        }
        return new(said & ~ruledOut);
    }

    /// <summary>Whether <paramref name="pieces"/> appear in <paramref name="text"/> in this order.</summary>
    internal static bool InOrder(string text, string[] pieces)
    {
        var from = 0;
        foreach (var piece in pieces)
        {
            var at = text.IndexOf(piece, from, StringComparison.Ordinal);
            if (at < 0) return false;
            from = at + piece.Length;
        }
        return true;
    }

    // Each alternative of the spam pattern holds "spam" or "listed at": a text with neither (most) is not run
    // through it. Other patterns run as they are.
    private static bool Says(Regex? pattern, string text) =>
        pattern is not null
        && (!ReferenceEquals(pattern, SpamPattern()) || text.Contains("spam", StringComparison.Ordinal) || text.Contains("listed at", StringComparison.Ordinal))
        && pattern.IsMatch(text);

    // Linear, over capped text (TextRules.Prepare): no timeout, which would read the clock on every match.
    [GeneratedRegex(@"(?:\d\.\d\.\d|\d{3}) spam\z|rejected due to spam (?:url in )?(?:classification|content)|sender domain listed at \S+", RegexOptions.CultureInvariant)]
    private static partial Regex SpamPattern();

    // IMail gives up with "Delivery failed 5 attempts: a@b".
    [GeneratedRegex(@"delivery failed \d+ attempts", RegexOptions.CultureInvariant)]
    private static partial Regex ExpiredPattern();

    private static readonly Dictionary<string, Phrases> ByReason = new()
    {
        [Reasons.SpamTrap] = new(["spam trap", "spamtrap", "spam-trap", "honeypot", "honey pot", "trap hit"]), // design
        [Reasons.Greylisted] = new(["greylist", "graylist", "grey-list", "gray-list", "grey list", "gray list"]), // design
        [Reasons.MailboxFull] = new([
            "insufficient disk space", // Sisimai 5.2+
            "account disabled temporarly for exceeding receiving limits", "account is exceeding their quota",
            "account is over quota", "account is temporarily over quota", "boite du destinataire pleine",
            "delivery failed: over quota", "disc quota exceeded", "disk quota exceeded", "diskspace quota",
            "does not have enough space", "exceeded storage allocation", "exceeding its mailbox quota", "full mailbox",
            "is over disk quota", "is over quota temporarily", "mail file size exceeds the maximum size allowed for mail delivery",
            "mail quota exceeded", "mailbox exceeded the local limit", "mailbox full", "mailbox has exceeded its disk space limit",
            "mailbox is full", "mailbox over quota", "mailbox quota usage exceeded", "mailbox size limit exceeded",
            "maildir over quota", "maildir delivery failed: userdisk quota ", "maildir delivery failed: domaindisk quota ",
            "mailfolder is full", "not enough storage space in", "over the allowed quota", "quota exceeded",
            "quota violation for", "recipient reached disk quota", "recipient rejected: mailbox would exceed maximum allowed storage",
            "the recipient mailbox has exceeded its disk space limit", "the user's space has been used up",
            "the user you are trying to reach is over quota", "too much mail data", "user has exceeded quota, bouncing mail",
            "user has too many messages on the server", "user is over quota", "user is over the quota", "user over quota",
            "was automatically rejected: quota exceeded", "would be over the allowed quota", "is over quota",
            "postfach voll", // design: German
            "no space left on device", "not sufficient disk space", "mailbox would exceed maximum allowed storage",
            "user's space has been used up", // Sisimai 5.2+
            // German: web.de's and other German hosts' replies, as open-source bounce tables (OpenEMM,
            // bouncefetch, PHP bounce handlers) quote them
            "benutzer hat das speichervolumen ueberschritten", "benutzer hat zuviele mails auf dem server",
            "kapazität des empfänger e-mail postfaches erschöpft", "mailbox voll",
        ], [
            // Sisimai 5.2+
            ["account is ", " quota"], ["disk", "quota"], ["enough ", " space"], ["mailbox ", "exceeded", " limit"],
            ["mailbox ", "full"], ["mailbox ", "quota"], ["maildir ", "quota"], ["over ", "quota"], ["quota ", "exceeded"],
        ]),
        [Reasons.MesgTooBig] = new([
            "exceeded maximum inbound message size", "line limit exceeded", "max message size exceeded", "message file too big",
            "message length exceeds administrative limit", "message size exceeds fixed limit",
            "message size exceeds fixed maximum message size", "message size exceeds maximum value", "message too big",
            "message too large for this ", "size limit", "taille limite du message atteinte",
            "message too large", "message exceeded the maximum size", "message size exceeds", // design
            "exceeded the maximum incoming message size", // Sisimai 5.2+
        ], [
            ["exceeded", "message size"], ["message ", "too", "big"],
            ["message ", "exceeds ", "limit"], ["message ", "size", "exceed"], // Sisimai 5.2+
        ], Unless: ["message header size"]), // the header's size is exceedlimit (or contenterror)
        [Reasons.ExceedLimit] = new(["message header size exceeds limit"]),
        [Reasons.Suspend] = new([
            " is currently suspended", " temporary locked", "archived recipient", "boite du destinataire archivee",
            "email account that you tried to reach is disabled", "has been suspended", "inactive account",
            "invalid/inactive user", "is a deactivated mailbox", "is unavailable: user is terminated",
            "mailbox currently suspended", "mailbox disabled", "mailbox is frozen", "mailbox unavailable or access denied",
            "recipient rejected: temporarily inactive", "recipient suspend the service",
            "this account has been disabled or discontinued", "this account has been temporarily suspended",
            "this address no longer accepts mail", "this mailbox is disabled", "user or domain is disabled", "user suspended",
            "vdelivermail: account is locked email bounced",
            "account is blocked", "account is locked", "account is disabled", "account has been disabled", "account is inactive",
            "account has been deactivated", "account is deactivated", // design: disabled or locked accounts
            // Disabled or expired for lack of use, in the words of German, French, Spanish (Argentine), Italian and
            // Polish providers, as PHP bounce handlers' tables quote them (their 5.2.1, mailbox disabled)
            "adressat unbekannt oder mailbox deaktiviert", "destinataire inconnu ou boite aux lettres desactivee",
            "esta casilla ha expirado por falta de uso", "el usuario esta en estado: inactivo", "bloccato per inutilizzo",
            "konto jest zablokowane administracyjnie lub nieaktywne",
        ]),
        [Reasons.HasMoved] = new([" has been replaced by ", "recipient no longer on server"]), // the last: Sisimai's Rhost/Apple
        [Reasons.NoRelaying] = new([
            "as a relay", "insecure mail relay", "is not permitted to relay through this server without authentication",
            "mail server requires authentication when attempting to send to a non-local e-mail address", "not a gateway",
            "not allowed to relay through this machine", "not an open relay, so get lost", "not local host",
            "relay access denied", "relay denied", "relaying mail to ", "relay not permitted", "relaying denied",
            "that domain isn't in my list of allowed rcpthost", "this system is not configured to relay mail",
            "unable to relay for", "we don't handle mail for", "email address is not verified.",
        ]),
        [Reasons.AuthFailure] = new([
            "rejected due to dmarc", // Sisimai 5.2+ (Comcast)
            "//spf.pobox.com", "bad spf records for", "dmarc policy", "please inspect your spf settings", "dmarc check failed", "dmarc validation failed", "failed dmarc", "dmarc verification failed",
            "yahoo requires all senders to authenticate with either spf or dkim",
            "blocked for failing both spf and dkim autentication checks", // Sisimai's Rhost/Apple (sic)
            "sender policy framework (spf) fail", "sender policy framework violation",
            "spf check: fail",
            "domain authentication fail", // Sisimai's Rhost/MessageLabs: "553 DMARC (or SPF ...) domain authentication fail"
        ], [[" is not allowed to send mail.", "_401"], ["is not allowed to send from <", " per it's spf record"],
            ["message rejected", "not authenticated"]]), // the last: design (AcelleMail guide)
        [Reasons.UserUnknown] = new([
            "#5.1.1 bad address", "550 address invalid", "5.1.0 address rejected.", "address does not exist",
            "address not present in directory", "address unknown", "can't accept user", "does not exist.",
            "destination addresses were unknown", "destination server rejected recipients", "email address does not exist",
            "email address could not be found", "invalid address", "invalid mailbox", "invalid mailbox path",
            "invalid recipient", "is not a known user", "is not a valid mailbox", "is not an active address at this host",
            "mailbox does not exist", "mailbox invalid", "mailbox is inactive", "mailbox is unavailable",
            "mailbox not present", "mailbox not found", "mailbox unavaiable", "nessun utente simile in questo indirizzo",
            "no account by that name here", "no existe dicha persona", "no existe ese usuario ",
            "no mail box available for this user", "no mailbox by that name is currently available", "no mailbox found",
            "no such address here", "no such mailbox", "no such person at this address", "no such recipient", "no such user",
            "no thank you rejected: account unavailable", "no valid recipients, bye", "not a valid recipient",
            "not a valid user here", "not a local address", "not email addresses",
            "recipient address rejected. ", // Sisimai adds Postfix's "(in reply to rcpt to command)": the command is read apart
            "recipient address rejected: access denied",
            "recipient address rejected: invalid user", "recipient address rejected: invalid-recipient",
            "recipient address rejected: unknown user", "recipient address rejected: userunknown", "recipient does not exist",
            "recipient is not accepted", "recipient is not local", "recipient not exist", "recipient not found",
            "recipient not ok", "recipient refuses to accept your mail", "recipient unknown",
            "requested action not taken: mailbox unavailable", "resolver.adr.recipient notfound",
            "resolver.adr.recipientnotfound", "sorry, user unknown", "sorry, badrcptto", "sorry, no mailbox here by that name",
            "sorry, your envelope recipient has been denied", "that domain or user isn't in my list of allowed rcpthosts",
            "the email account that you tried to reach does not exist", "the following recipients was undeliverable",
            "the user's email name is not found", "there is no one at this address", "this address no longer accepts mail",
            "this email address is wrong or no longer valid", "this recipient is in my badrecipientto list",
            "this recipient is not in my validrcptto list", "this spectator does not exist", "unknown mailbox",
            "unknown recipient", "unknown user", "user does not exist", "user missing home directory", "user not active",
            "user not exist", "user not found", "user not known", "user unknown", "utilisateur inconnu",
            "vdeliver: invalid or unknown virtual user", "your envelope recipient is in my badrcptto list",
            "recipient name is not recognized", "no valid recipients", "not listed in domino directory", "not listed in public name & address book",
            "benutzer unbekannt", "destinatario inexistente", // design: Exchange, Domino, other languages
            // Sisimai 5.2+
            "badrcptto", "recipient is in my badrecipientto list", "recipient is not in my validrcptto list",
            "recipients was undeliverable", "spectator does not exist", "your envelope recipient has been denied",
            "weil die adresse nicht gefunden wurde oder keine e-mails empfangen kann",
            "inactive email address", "unknown or illegal alias", "recipient mailbox is not allowed", // Sisimai's Rhost/Apple, MessageLabs
            // German: web.de, Exchange's and Outlook's German reports and other German hosts, as open-source bounce
            // tables (OpenEMM, bouncefetch) quote them
            "benutzer nicht bekannt", "niemand unter dieser adresse bekannt", "keine person mit diesem namen unter dieser adresse",
            "die eingegebene e-mail-adresse konnte nicht gefunden werden", "e-mail-adresse des empfängers wurde im e-mail-system des empfängers",
            // Italian and Polish providers, as PHP bounce handlers' tables quote them
            "destin. sconosciuto", "destinatario errato", "destinatario sconosciuto o mailbox", "indirizzo inesistente",
            "nie ma takiego konta",
        ], [
            ["<", "> not found"], ["<", ">... blocked by "], ["account ", " does not exist at the organization"],
            ["adresse d au moins un destinataire invalide. invalid recipient.", "416"],
            ["adresse d au moins un destinataire invalide. invalid recipient.", "418"], ["bad", "recipient"],
            ["mailbox ", "does not exist"], ["mailbox ", "unavailable or access denied"], ["no ", " in name directory"],
            ["non", "existent user"], ["rcpt <", " does not exist"], ["rcpt (", "t exist "], ["recipient ", " was not found in"],
            ["recipient address rejected: user ", " does not exist"], ["recipient address rejected: user unknown in ", " table"],
            ["said: 550-5.1.1 ", " user unknown "], ["said: 550 5.1.1 ", " user unknown "],
            ["this user doesn't have a ", " account"], ["unknown e", "mail address"], ["unknown local", "part"],
            ["user ", " was not found"], ["user ", " does not exist"], ["user (", ") unknown"],
            // Sisimai 5.2+
            ["address", " no longer"], ["invalid ", "recipient"],
            ["no ", "mail", "box "], ["no ", "such", "address"], ["recipient no", "found"],
            ["recipient ", " not exist"], ["user ", " not exist"], ["user ", "not found"],
        ]),
        [Reasons.Filtered] = new([
            "account is protected by", "has restricted sms e-mail", "is not accepting any mail", "message filtered",
            "message rejected due to user rules", "not found recipient account", "recipient id refuse to receive mail",
            "recipient is only accepting mail from specific email addresses", "refused due to recipient preferences",
            "user refuses to receive this mail", "user reject", "you have been blocked by the recipient",
        ]),
        [Reasons.RequirePtr] = new([
            "reverse dns failure", "ptr lookup failure", // Sisimai 5.2+
            "access denied. ip name lookup failed", "all mail servers must have a ptr record with a valid reverse dns entry",
            "bad dns ptr resource record", "cannot find your hostname", "cannot resolve your address.",
            "client host rejected: cannot find your hostname", "fix reverse dns for ", "ips with missing ptr records",
            "no ptr record found.", "please get a custom reverse dns name from your isp for your host", "ptr record setup",
            "reverse dns failed", "reverse dns required", "sender ip reverse lookup rejected",
            "the ip address sending this message does not have a ptr record setup",
            "the corresponding forward dns entry does not point to the sending ip",
            "this system will not accept messages from servers/devices with no reverse dns", "unresolvable relay host name",
            "we do not accept mail from hosts with dynamic ip or generic dns ptr-records",
        ], [
            ["domain ", " mismatches client ip"], ["dns lookup failure: ", " try again later"],
            ["reverse dns lookup for host ", " failed permanently"],
            ["server access ", " forbidden by invalid rdns record of your mail server"], ["service permits ", " unverifyable sending ips"],
        ]),
        [Reasons.NotCompliantRfc] = new([
            "this message is not rfc 5322 compliant", "https://support.google.com/mail/?p=rfcmessagenoncompliant",
            "headers are not rfc compliant", // Yahoo
            "has detected that this message is not rfc 5322", "550 requested action aborted [4]", // Sisimai's Rhost/MessageLabs
        ], [[" multiple ", " header"]]),
        [Reasons.Rejected] = new([
            "access denied (in reply to mail from command)", "access denied (sender blacklisted)", "address rejected",
            "administrative prohibition", "batv failed to verify", "batv validation failure",
            "backscatter protection detected an invalid or expired email address",
            "because the sender isn't on the recipient's list of senders to accept mail from", "bogus mail from",
            "can't determine purported responsible address", "connections not accepted from servers without a valid sender domain",
            "denied [bouncedeny]", "denied by secumail valid-address-filter", "delivery not authorized, message refused",
            "does not exist e2110", "domain of sender address ", "email address is on senderfilterconfig list",
            "emetteur invalide", "empty envelope senders not allowed", "envelope blocked – ", "error: no third-party dsns",
            "from: domain is invalid. please provide a valid from:", "fully qualified email address required",
            "invalid domain, see <url:", "invalid sender", "is not a registered gateway user", "mail from not owned by user",
            "message rejected: email address is not verified", "mx records for ", "null sender is not allowed",
            "recipient addresses rejected : access denied", "recipient not accepted. (batv: no tag",
            "returned mail not accepted here", "rfc 1035 violation: recursive cname records for",
            "rule imposed mailbox access for", "sending this from a different address or alias using the ",
            "sender address has been blacklisted", "sender email address rejected", "sender is in my black list",
            "sender is spammer", "sender not pre-approved", "sender rejected", "sender domain is empty",
            "sender verify failed", "spam reporting address", "syntax error: empty email address",
            "the message has been rejected by batv defense", "this server does not accept mail from",
            "transaction failed unsigned dsn for", "unroutable sender address", "you are not allowed to post to this mailing list",
            "you are sending to/from an address that has been blacklisted",
            "your access to submit messages to this e-mail system has been rejected", "your email address has been blacklisted",
            // Sisimai 5.2+
            "badsendermx", "sendernoa", "empty email address", "has an outgoing mail suspension", "not member article from ",
            "server does not accept mail from", "too many spam complaints",
            // Sisimai's Rhost/MessageLabs
            "sender envelope domain not allowed for sender ip address", "your envelope sender is in my badmailfrom list",
            "your domain has been blacklisted", "your domain has been blocked", "your email address has been blocked",
        ], [
            // Sisimai 5.2+
            ["after end of data:", ".", " does not exist"], ["after mail from:", ".", " does not exist"], ["reject mail from ", "@"],
            ["sender is", " list"],
        ], Unless: ["5.1.0 address rejected", "recipient address rejected", "sender ip address rejected"]),
        [Reasons.HostUnknown] = new([
            "domain does not exist", "domain is not reachable", "domain must exist", "host or domain name not found",
            "host unknown", "host unreachable", "mail domain mentioned in email address is unknown",
            "name or service not known", "no such domain", "recipient address rejected: unknown domain name",
            "recipient domain must exist", "the account or domain may not exist", "unknown host", "unroutable address",
            "unrouteable address",
            "domain doesn't exist", "dns resolution failure", // design: AcelleMail guide
            "domain mentioned in email address is unknown", // Sisimai 5.2+
        ], [["553 ", " does not exist"], ["domain ", "not exist"], ["unrout", "able ", "address"]]), // the last two: Sisimai 5.2+
        [Reasons.SpamDetected] = new([
            "over messagescoringupperlimit", // Sisimai 5.2+
            " - spam", "//www.spamhaus.org/help/help_spam_16.htm", "//dsbl.org/help/help_spam_16.htm",
            "//mail.163.com/help/help_spam_16.htm", "554 5.7.0 reject, id=", "appears to be unsolicited",
            "blacklisted url in message", "block for spam", "blocked by policy: no spam please", "blocked by spamassassin",
            "blocked for abuse. see http://att.net/blocks", "bulk email", "cannot be forwarded because it was detected as spam",
            "considered unsolicited bulk e-mail (spam) by our mail filters", "content filter rejection",
            "cyberoam anti spam engine has identified this email as a bulk email", "denied due to spam list",
            "high probability of spam", "is classified as spam and is rejected", "listed in work.drbl.imedia.ru",
            "the mail server detected your message as spam and has prevented delivery.", "mail appears to be unsolicited",
            "mail content denied", "may consider spam", "message considered as spam or virus", "message contains spam or virus",
            "message content rejected", "message detected as spam", "message filtered",
            "message is being rejected as it seems to be a spam", "message looks like spam",
            "message refused by mailmarshal spamprofiler", "message refused by trustwave seg spamprofiler",
            "message rejected as spam", "message rejected because of unacceptable content",
            "message rejected due to suspected spam content", "message rejected for policy reasons",
            "message was rejected for possible spam/virus content", "our email server thinks this email is spam",
            "our system has detected that this message is ", "probable spam", "reject bulk.advertising",
            "rejected: spamassassin score ", "rejecting banned content", "rejecting mail content",
            "related to content with spam-like characteristics", "sending address not accepted due to spam filter",
            "spam blocked", "spam check", "spam content matched", "spam detected", "spam email", "spam email not accepted",
            "spam message rejected.", "spam not accepted", "spam refused", "spam rejection", "spam score ",
            "spambouncer identified spam", "spamming not allowed", "too much spam.", "the email message was detected as spam",
            "the message has been rejected by spam filtering engine",
            "the message was rejected due to classification as bulk mail", "the content of this message looked like spam",
            "this message appears to be spam", "this message has been identified as spam",
            "this message has been scored as spam with a probability", "this message was classified as spam",
            "this message was rejected by recurrent pattern detection system", "transaction failed spam message not queued",
            "we dont accept spam", "your email appears similar to spam we have received before",
            "your email breaches local uribl policy", "your email had spam-like ", "your email is considered spam",
            "your email is probably spam", "your email was detected as spam", "your message as spam and has prevented delivery",
            "your message has been temporarily blocked by our filter", "your message has been rejected because it appears to be spam",
            "your message has triggered a spam block", "your message may contain the spam contents",
            "your message failed several antispam checks",
            // Sisimai 5.2+
            "classified as spam and is rejected", "identified spam", "message has been temporarily blocked by our filter",
            "message was rejected by recurrent pattern detection system", "spam-like header", "spam message",
            "unsolicited ",
            "filtered by outbound scanning", // Sisimai's Rhost/MessageLabs
        ], [
            ["mail rejete. mail rejected. ", "506"], ["our filters rate at and above ", " percent probability of being spam"],
            ["rejected by ", " (spam)"], ["rule imposed as ", " is blacklisted on"], ["spam ", " exceeded"],
            ["this message scored ", " spam points"],
            // Sisimai 5.2+
            ["accept", " spam"], ["appears", " to ", "spam"], ["bulk", "mail"], ["considered", " spam"], ["contain", " spam"],
            ["detected", " spam"], ["mail score (", " over "], ["message ", "as spam"],
            ["message ", "spamprofiler"], ["probab", " spam"], ["refused by", " spamprofiler"],
            ["reject, id=", "spam"], ["rejected due to spam ", "classification"], ["score", "spam"], ["spam ", "block"],
            ["spam ", "filter"], ["spam ", "score"],
        ], Pattern: SpamPattern()),
        [Reasons.Speeding] = new([
            "please try again slower", "receiving mail at a rate that prevents additional messages from being delivered",
            "user is receiving mail too quickly", // Yahoo
            "deferred due to excessive volume", // Sisimai's Rhost/Apple
        ]),
        [Reasons.TooManyConn] = new([
            " throttled - ", "too many sessions opened", "too many emails sent on this session", // Sisimai 5.2+ "ratelimited"
            "all available ips are at maximum connection limit", "connection rate limit exceeded",
            "exceeds per-domain connection limit for", "has exceeded the max emails per hour ",
            "throttling failure: daily message quota exceeded", "throttling failure: maximum sending rate exceeded",
            "too many connections", "too many concurrent smtp connections", "too many errors from your ip",
            "too many recipients", "too many smtp sessions for this host", "trop de connexions, ",
            "we have already made numerous attempts to deliver this message",
            "frequency limited", "max message per connection reached", // Tencent, Yahoo
            "throttling failure: ", // Sisimai 5.2+ "ratelimited"
            "too many recipients received this hour", // Sisimai's Rhost/MessageLabs
        ], [
            // Sisimai 5.2+ "ratelimited"
            ["connection ", "limit"], ["temporarily", "rate limited"], ["throttled ", "postmaster.comcast.net"],
            ["too many ", "session"], ["too many ", "recipients"], ["too many con", "s"],
        ]),
        [Reasons.Blocked] = new([
            "found on one or more dnsbls", // Sisimai 5.2+ (Comcast)
            " said: 550 blocked", "//www.spamcop.net/bl.", "bad sender ip address", "banned sending ip", "blacklisted by",
            "blocked using ", "blocked - see http", "dnsbl:attrbl", "client host rejected: abus detecte gu_eib_02",
            "client host rejected: abus detecte gu_eib_04", "client host rejected: may not be mail exchanger",
            "client host rejected: was not authenticated", "confirm this mail server", "connection dropped",
            "connection refused by", "connection reset by peer", "connection was dropped by remote host",
            "connections not accepted from ip addresses on spamhaus xbl", "currently sending spam see: ",
            "domain does not exist:", "dynamic/zombied/spam ips blocked", "error: no valid recipients from ",
            "esmtp not accepting connections", "extreme bad ip profile", "go away", "helo command rejected:",
            "host network not allowed", "hosts with dynamic ip", "invalid ip for sending mail of domain", "is in a black list",
            "is not allowed to send mail from", "no access from mail server", "no matches to nameserver query",
            "not currently accepting mail from your ip", "part of their network is on our block list",
            "please use the smtp server of your isp", "refused - see http", "rejected - multi-blacklist",
            "rejected because the sending mta or the sender has not passed validation", "rejecting open proxy",
            "sender ip address rejected", "server access forbidden by your ip ",
            "service not available, closing transmission channel", "smtp error from remote mail server after initial connection:",
            "sorry, that domain isn't in my list of allowed rcpthosts", "sorry, your remotehost looks suspiciously like spammer",
            "to submit messages to this e-mail system has been rejected",
            "too many spams from your ip", "too many unwanted messages have been sent from the following ip address above",
            "was blocked by ", "we do not accept mail from dynamic ips", "you are not allowed to connect",
            "you are sending spam", "your ip address is listed in the rbl", "your network is temporary blacklisted",
            "your server requires confirmation", "refused to talk to me", "client host blocked",
            "domain isn't in my list of allowed rcpthosts", "your remotehost looks suspiciously like spammer", // Sisimai 5.2+
            // Sisimai's Rhost/Apple and MessageLabs
            "rejected due to having a domain present in the spamhaus", "rejected due to listing in spamhaus",
            "mail rejected because your ip is in the pbl", "your ip address has been blocked", "your ip address has been blacklisted",
            // Spamhaus' own TXT answer, which DNSBL checks quote ("550 zen.spamhaus.org Listed by CSS, see ...")
            "listed by css", "listed by sbl", "listed by xbl", "listed by pbl",
        ], [
            ["(", "@", ":blocked)"], ["access from ip address ", " blocked"], ["client host ", " blocked using"],
            ["connections will not be accepted from ", " because the ip is in spamhaus's list"], ["dnsbl:rbl ", ">_is_blocked"],
            ["email blocked by ", ".barracudacentral.org"], ["email blocked by ", "spamhaus"], ["ip ", " is blocked by earthlink"],
            ["is in an ", "rbl on "], ["mail server at ", " is blocked"], ["mail from ", " refused:"],
            ["message from ", " rejected based on blacklist"], ["messages from ", " temporarily deferred due to user complaints"],
            ["server ip ", " listed as abusive"], ["sorry! your ip address", " is blocked by rbl"], ["the domain ", " is blacklisted"],
            ["the email ", " is blacklisted"], ["the ip", " is blacklisted"],
            ["veuillez essayer plus tard. service refused, please try later. ", "103"],
            ["veuillez essayer plus tard. service refused, please try later. ", "510"],
            ["your sender's ip address is listed at ", ".abuseat.org"],
            // Sisimai 5.2+
            ["blocked by ", " dnsbl"], ["client ", " blocked using"], ["connection ", "dropped"], ["dynamic", " ip"],
            ["from ", " ip address"], ["host ", " said: ", "550 blocked"], ["mail from ", " refused"], ["the ", " is blacklisted"],
            ["your access ip", " has been rejected"],
        ]),
        [Reasons.PolicyViolation] = new([
            "an illegal attachment on your message", "because the recipient is not accepting mail with ",
            "by non-member to a members-only list", "closed mailing list", "denied by policy", "dmarc policy",
            "email not accepted for policy reasons", "email rejected due to security policies", "header are not accepted",
            "header error", "local policy violation", "message bounced due to organizational settings",
            "message given low priority", "message not accepted for policy reasons", "messages with multiple addresses",
            "rejected for policy reasons", "protocol violation", "the email address used to send your message is not subscribed to this group",
            "this message was blocked because its content presents a potential",
            "we do not accept messages containing images or other attachments",
            "you have exceeded the allowable number of posts without solving a captcha",
            "message rejected due to local policy", "the message was rejected by organization policy", "you're using a mass mailer",
            "for policy reasons", // Sisimai 5.2+
            "email policy violation detected", "mailbox delivery restricted by policy error", // Sisimai's Rhost/Zoho
        ]),
        [Reasons.VirusDetected] = new([
            "it has a potentially executable attachment",
            "the message was rejected because it contains prohibited virus or spam content",
            "this form of attachment has been used by recent viruses or other malware", "virus detected",
            "virus phishing/malicious_url detected",
            "your message was infected with a virus",
            " detected by zoho mail", // Sisimai's Rhost/Zoho
        ]),
        [Reasons.BadReputation] = new([
            "a poor email reputation score", "has been temporarily rate limited due to ip reputation",
            "ip/domain reputation problems", "likely suspicious due to the very low reputation", "the sending mta's poor reputation",
            "none/bad reputation", // Sisimai 5.2+ (t-online.de)
            "temporarily deferred due to unexpected volume or user complaints", // Sisimai 5.2+ (Yahoo; was blocked)
        ]),
        [Reasons.SecurityError] = new([
            "account not subscribed to ses", "authentication credentials invalid", "authentication failure",
            "authentication required", "authentication turned on in your email client",
            "executable files are not allowed in compressed files", "insecure mail relay",
            "recipient address rejected: access denied", "sorry, you don't authenticate or the domain isn't in my list of allowed rcpthosts",
            "starttls is required to send mail", "tls required but not supported", "unauthenticated senders not allowed",
            "verification failure", "you are not authorized to send mail, authentication is required",
            "tls/sslv3 connection required", // Sisimai's Rhost/MessageLabs
        ], [
            ["authentication failed; server ", " said: "], ["authentification invalide", "305"], ["authentification requise", "402"],
            ["domain ", " is a dead domain"], ["user ", " is not authorized to perform ses:sendrawemail on resource"],
        ]),
        [Reasons.SystemError] = new([
            "aliasing/forwarding loop broken", "can't create user output file", "could not load drd for domain",
            "internal error reading data", "internal server error: operation now in progress", "interrupted system call",
            "it encountered an error while being processed", "it would create a mail loop", "local configuration error",
            "local error in processing", "loop was found in the mail exchanger", "loops back to myself",
            "mail system configuration error", "queue file write error", "recipient deferred because there is no mdb",
            "remote server is misconfigured", "server configuration error", "service currently unavailable",
            "system config error", "temporary local problem", "timeout waiting for input", "transaction failed ",
            "temporary system error", // Sisimai's Rhost/Zoho
        ], [["unable to connect ", "daemon"]]), // Sisimai 5.2+
        [Reasons.NetworkError] = new([
            "could not connect and send the mail to", "dns records for the destination computer could not be found",
            "hop count exceeded - possible mail loop", "host is unreachable", "host name lookup failure",
            "host not found, try again", "mail forwarding loop for ", "malformed name server reply",
            "malformed or unexpected name server reply", "maximum forwarding loop count exceeded", "message looping",
            "message probably in a routing loop", "no route to host", "too many hops", "unable to resolve route ",
            "unrouteable mail domain",
            "network error on destination", "dns query failed", "able to establish an smtp connection", // OpenSMTPD, Exchange, qmail
        ]),
        [Reasons.Expired] = new([
            "connection timed out", "could not find a gateway for", "delivery attempts will continue to be",
            "delivery time expired", "failed to deliver to domain ", "giving up on", "have been failing for a long time",
            "has been delayed", "it has not been collected after", "message expired after sitting in queue for",
            "message expired, cannot connect to remote server", "message expired, connection refulsed",
            "message expired, connection refused", "message timed out",
            "retry timeout exceeded", "envelope expired", "warning message only", "will continue trying", "will keep trying",
            "will continue to try", // Exim, OpenSMTPD, Sendmail delay warnings
            "has not yet been delivered", "delivery attempts will continue for", // Exim's warning that a message is still queued
            "retry time not reached for any host after a long failure period", "server did not respond",
            "this message has been in the queue too long", "unable to deliver message after multiple retries",
            "was not reachable within the allowed queue period", "your message could not be delivered for more than",
            "message expired, ", "message could not be delivered for more than", "message has been in the queue too long", // Sisimai 5.2+
        ], [["could not be delivered for", " days"], ["delivery ", "expired"], ["not", "reach", "period"]], // Sisimai 5.2+
            Pattern: ExpiredPattern()),
        [Reasons.ContentError] = new([
            "header size exceeds maximum permitted", "improper use of 8-bit data in message header",
            "message header size, or recipient list, exceeds policy limit", "message mime complexity exceeds the policy maximum",
            "routing loop detected -- too many received: headers", "this message contain invalid mime headers",
            "this message contain improperly-formatted binary content",
            "this message contain text that uses unnecessary base64 encoding",
            "stray linefeeds in message", // Sisimai's Rhost/MessageLabs
            "duplicate header", // Sisimai 5.1; later versions call it notcompliantrfc
        ]),
        [Reasons.SystemFull] = new(["mail system full", "requested mail action aborted: exceeded storage allocation"]),
        [Reasons.NotAccept] = new([
            "does not accept mail (nullmx)", "host/domain does not accept mail", "host does not accept mail",
            "name server: .: host not found", "no mx record found for domain=", "no route for current request",
            "smtp protocol returned a permanent error",
            "no mx found", "no mx record", "null mx", "indicated no smtp service", // design: null MX (RFC 7505) or no MX at all
            // Sisimai 5.2+ (OpenSMTPD, Exim, iCloud)
            "destination seem to reject all mails", "does not accept mail", "mail receiving disabled",
            "mx or srv record indicated no smtp ", "no host found for existing smtp ",
        ], [["no mx ", "found for "]]),
        [Reasons.MailerError] = new([
            " || exit ", "procmail: ", "bin/procmail", "bin/maildrop", "command failed: ", "command died with status ",
            "command output:", "mailer error", "pipe to |/",
        ]),
    };

    // One bit per reason in a 32-bit half of the automaton's tags.
    private static readonly (int Reason, Phrases Phrases)[] Ordered = ByReason.Count <= 32
        ? [.. ByReason.Values.Select((phrases, i) => (i, phrases))]
        : throw new InvalidOperationException("more reasons than tag bits");

    private static readonly FrozenDictionary<string, int> Index = ByReason.Keys.Select((reason, i) => (reason, i)).ToFrozenDictionary(p => p.reason, p => p.i);

    // Each phrase in order with its reason and the tag of its longest piece (tags are shared when there are more
    // than 64 phrases: a shared tag only makes a phrase be looked for when another's piece was found).
    private static readonly (int Reason, string[] Pieces, int Tag)[] PhrasesInOrder =
    [
        .. Ordered.SelectMany(r => (r.Phrases.InOrder ?? []).Select(pieces => (r.Reason, pieces)))
            .Select((p, i) => (p.Reason, p.pieces, i % 64)),
    ];

    // The same by tag, so a scan's found pieces lead straight to their phrases.
    private static readonly (int Reason, string[] Pieces)[][] PhrasesInOrderByTag =
        [.. Enumerable.Range(0, 64).Select(tag => PhrasesInOrder.Where(p => p.Tag == tag).Select(p => (p.Reason, p.Pieces)).ToArray())];

    // A phrase's tag is its reason's index; a phrase that rules a reason out has that index + 32; the longest piece
    // of a phrase in order has its tag + 64. One automaton, so the text is read once for all three.
    private static readonly PhraseAutomaton Automaton = new(
    [
        .. Ordered.SelectMany(r => r.Phrases.Anywhere.Select(p => (p, r.Reason))
            .Concat((r.Phrases.Unless ?? []).Select(p => (p, r.Reason + 32)))),
        .. PhrasesInOrder.Select(p => (p.Pieces.MaxBy(piece => piece.Length)!, p.Tag + 64)),
    ]);
}
