using static BounceService.Classification.Reasons;

namespace BounceService.Classification;

/// <summary>
/// What sending MTAs write in their own bounces (Exim, Postfix, qmail, qmail-ldap, FML, OpenSMTPD, DragonFly Mail Agent, Amavis, Gmail, Google Workspace, Google Groups, KDDI,
/// au/EZweb, Biglobe, Domino, Notes, Courier, IMail, MessageLabs, Verizon, Zoho, 1&amp;1, Messaging Server) and Facebook's
/// error tokens: the MTA knows why it
/// gave up, so these decide the reason before a server's reply is weighed (<see cref="ReasonOrder"/>). Ported from
/// Sisimai's <c>Lhost/*.pm</c> tables (BSD 2-Clause, see NOTICE.md); lower case, matched in prepared text.
/// </summary>
internal static class MtaPhrases
{
    private static readonly (string Phrase, string Reason)[] Table =
    [
        // Exim (and Exim-based MXLogic, Mail.ru)
        ("all host address lookups failed permanently", HostUnknown), ("all relevant mx records point to non-existent hosts", HostUnknown),
        ("error: quota exceed", MailboxFull), ("an mx or srv record indicated no smtp service", NotAccept),
        ("no host found for existing smtp connection", NotAccept), ("angle-brackets nested too deep", SyntaxError),
        ("expected word or \"<\"", SyntaxError), ("domain missing in source-routed address", SyntaxError), ("malformed address:", SyntaxError),
        ("delivery to file forbidden", SystemError), ("delivery to pipe forbidden", SystemError), ("local delivery failed", SystemError),
        ("lmtp error after ", SystemError), ("too many \"received\" headers", ContentError),
        // refused at the greeting or at MAIL FROM: the sending host is blocked, the sender rejected (Sisimai's Exim,
        // qmail and X4 modules)
        ("smtp error from remote mail server after helo", Blocked), ("smtp error from remote mail server after ehlo", Blocked),
        ("smtp error from remote mailer after helo", Blocked), ("smtp error from remote mailer after ehlo", Blocked),
        ("delay reason: ", Expired), (" has been frozen by ", Expired), (" was frozen on arrival by ", Expired),
        // qmail
        ("no mailbox here by that name", UserUnknown), ("does not like recipient.", UserUnknown),
        ("but sender was rejected.", Rejected), ("but my name was rejected.", Blocked),
        ("message size exceeds fixed maximum message size:", MesgTooBig), ("sorry, i couldn't find any host ", HostUnknown),
        ("requested action not taken: mailbox unavailable (not enough free space)", SystemFull),
        ("bad interpreter: no such file or directory", SystemError),
        ("sorry, i wasn't able to establish an smtp connection", NetworkError),
        ("sorry, i couldn't find a mail exchanger or ip address", NotAccept), // notqmail's null MX (Sisimai 5)
        ("sorry. although i'm listed as a best-preference mx or a for that host", NetworkError),
        // Mail delivery agents' own refusals (Sisimai's MDA module): Dovecot's "was automatically rejected:", maildrop
        ("mailbox doesn't exist: ", UserUnknown), ("maildrop: invalid user specified.", UserUnknown),
        ("maildrop: cannot find system user", UserUnknown),
        // qmail-ldap
        ("mailaddress is administratively disabled", Suspend), ("mailaddress is administrativley disabled", Suspend),
        ("the message exeeded the maximum size the user accepts", ExceedLimit),
        ("automatic homedir creator crashed", SystemError), ("illegal value in ldap attribute", SystemError),
        ("ldap attribute is not given but mandatory", SystemError), ("timeout while performing search on ldap server", SystemError),
        ("too many results returned but needs to be unique", SystemError), ("permanent error while executing qmail-forward", SystemError),
        ("temporary error in automatic homedir creation", SystemError), ("temporary error while executing qmail-forward", SystemError),
        ("temporary failure in ldap lookup", SystemError), ("unable to contact ldap server", SystemError),
        ("unable to login into ldap server, bad credentials", SystemError),
        // FML (a list manager's refusal of a post)
        ("not member article from ", Rejected), ("you are not a member of this mailing list", Rejected),
        ("spam mail from a spammer is rejected", Rejected), ("duplicated message-id", SystemError),
        (" has detected a loop condition so that", SystemError), ("loop back warning:", SystemError),
        ("security alert:", SecurityError), ("fml system error message", SystemError),
        (" header may cause mail loop", Rejected), ("reject spammers:", Rejected), ("warning: unix from loop", SystemError),
        // OpenSMTPD
        ("envelope expired", Expired), ("destination seem to reject all mails", NotAccept),
        ("address family mismatch on destination mxs", NetworkError), ("all routes to destination blocked", NetworkError),
        ("bad dns lookup error code", NetworkError), ("could not retrieve source address", NetworkError),
        ("network error on destination mxs", NetworkError), ("no valid route to remote mx", NetworkError),
        ("no valid route to destination", NetworkError), ("temporary failure in mx lookup", NetworkError),
        ("could not retrieve credentials", SecurityError),
        // Amavis
        (" - infected", VirusDetected), (" - bad header:", ContentError), (" - message size exceeds recipient", ExceedLimit),
        (" - temporary mta failure on relaying", SystemError), (" - rejected by next-hop mta on relaying", SystemError),
        (" - unable to relay message back to mta", SystemError),
        // Gmail, Google Workspace
        ("dns error: could not contact dns servers", Expired), ("delivery to the following recipient has been delayed", Expired),
        ("the recipient server did not accept our requests to connect", Expired), ("dns error: domain name not found", HostUnknown),
        ("dns error: dns server returned answer with no data", HostUnknown),
        ("because the address couldn't be found. check for typos or unnecessary spaces and try again.", UserUnknown),
        (" had no relevant answers.", NetworkError), (" responded with code nxdomain", NetworkError),
        // Google Groups: the list of causes starts with this one when the group may not exist (Sisimai: "rejected";
        // with only the permission causes listed, the post is on hold)
        ("you might have spelled or formatted the group name incorrectly", Rejected),
        // KDDI, au (EZweb), Biglobe
        ("as their mailbox is full", MailboxFull), ("due to the following smtp relay error", NoRelaying),
        ("as the remote domain doesnt exist", HostUnknown), ("the user(s) account is temporarily over quota", MailboxFull),
        ("the user(s) account is disabled.", Suspend), ("the user(s) account is temporarily limited.", Suspend),
        ("your message was not delivered within ", Expired), ("mail delivery failed... user unknown", Filtered),
        ("the number of messages in recipient's mailbox exceeded the local limit.", MailboxFull),
        // Exchange 2003's own error codes ("(000C05A6) Unknown Recipient")
        ("(000c05a6)", UserUnknown), ("(00010256)", SystemError), ("(000d06b5)", SystemError), ("(00120270)", NetworkError),
        ("(00050311)", ContentError), ("(000502cc)", ContentError), ("(000b0981)", SecurityError), ("(000c0595)", Filtered),
        // Domino, Notes, Courier, IMail, MessageLabs
        ("not listed in domino directory", UserUnknown), ("not listed in public name & address book", UserUnknown),
        ("non répertorié dans l'annuaire domino", UserUnknown), ("domino ディレクトリには見つかりません", UserUnknown),
        ("ディレクトリのリストにありません", UserUnknown), ("cannot route mail to user", Filtered),
        ("several matches found in domino directory", SystemError), ("message has exceeded maximum hop count", NetworkError),
        ("this domain's dns violates rfc 1035.", SystemError), ("dns lookup failed.", NetworkError),
        ("invalid final delivery userid", UserUnknown), ("unknown user:", UserUnknown), // IMail's "Unknown user: a@b"
        ("user mailbox exceeds allowed size", MailboxFull),
        ("requested action not taken: virus detected", VirusDetected),
        ("please turn on smtp authentication in your mail client", SecurityError),
        // Verizon's MMS gateway
        ("no valid recipients for this mm", UserUnknown),
        // DragonFly Mail Agent (dma): it gave up on its own, with no server reply to quote
        ("dns lookup failure: host ", HostUnknown), ("could not deliver for the last ", Expired),
        // Zoho, 1&1, Sun Messaging Server
        ("host not reachable", Expired), ("mail size limit exceeded", MesgTooBig), ("illegal host/domain name found", HostUnknown),
        // Postfix's bounce daemon lost the recipient's log ("--- Delivery report unavailable ---"): it knows nothing
        // of why, so the rest of its notice is no diagnosis either (Sisimai: undefined, not onhold)
        ("delivery report unavailable", Undefined),
        // Facebook's error tokens
        ("rcp-p1", UserUnknown), ("int-p1", UserUnknown), ("int-p3", UserUnknown), ("int-p4", UserUnknown),
        ("rcp-p2", Filtered), ("rcp-p3", Filtered), ("pol-p1", Blocked), ("pol-p2", Blocked), ("msg-p1", MesgTooBig),
        ("int-p2", MesgTooBig), ("msg-p2", ContentError), ("msg-p3", ContentError), ("pol-p6", ContentError),
        ("pol-p7", ContentError), ("pol-p3", NotAccept), ("pol-p4", NotAccept), ("pol-t1", NotAccept), ("pol-t2", NotAccept),
        ("pol-t3", NotAccept), ("dns-p1", Rejected), ("dns-p2", Rejected), ("dns-t1", Rejected), ("dns-p3", Rejected),
        ("dns-t2", Rejected), ("con-t1", SystemError), ("rcp-t1", SystemError), ("con-t2", TooManyConn), ("con-t3", TooManyConn),
        ("pol-p5", VirusDetected), ("rcp-t4", Suspend),
        ("con-t4", TooManyConn), ("msg-t1", TooManyConn), // too many recipients (Sisimai 5.2+ Rhost/Facebook)
    ];

    // Tagged with the index of their reason in Reasons, in the order the table first names them.
    private static readonly string[] TableReasons = [.. Table.Select(t => t.Reason).Distinct()];

    private static readonly PhraseAutomaton Automaton = new([.. Table.Select(t => (t.Phrase, Array.IndexOf(TableReasons, t.Reason)))]);

    // Words that, found together in this order, undo the verdict of the first: qmail-remote's "does not like
    // recipient." was a temporary refusal when the queue later gave up on the message, so the address is not known
    // to be unknown (Sisimai's qmail "onholdpair": on hold, and the server's reply may still say why).
    private static readonly (string[] Pieces, string Reason)[] Together =
    [
        ([" does not like recipient.", "this message has been in the queue too long."], OnHold),
    ];

    /// <summary>The reason the MTA's own words in <paramref name="text"/> (prepared) give, or null.</summary>
    public static string? ReasonOf(string text)
    {
        var found = Automaton.Scan(text);
        if (found == 0) return null;
        var reason = TableReasons[(int)UInt128.TrailingZeroCount(found)];
        foreach (var (pieces, together) in Together)
        {
            if (text.Contains(pieces[0], StringComparison.Ordinal) && ReasonPhrases.InOrder(text, pieces)) return together;
        }
        return reason;
    }
}
