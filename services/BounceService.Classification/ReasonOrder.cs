using static BounceService.Classification.Reasons;

namespace BounceService.Classification;

/// <summary>What a reason is decided from.</summary>
/// <param name="Dsn">The normalised enhanced status code, if any.</param>
/// <param name="Reply">The basic reply code, if any.</param>
/// <param name="Text">The diagnostic, <see cref="TextRules.Prepare"/>d, without its "type;" prefix.</param>
/// <param name="Command">The refused SMTP command (<see cref="SmtpCommands"/>), if known.</param>
/// <param name="Delayed">The DSN says the MTA is still trying, or gave up after trying.</param>
/// <param name="FromMailer">"X-Unix; ...": the local delivery program's words, not an SMTP reply.</param>
/// <param name="Said">The reasons <paramref name="Text"/> says (<see cref="ReasonPhrases.Read"/>).</param>
/// <param name="Labelled">The reason the sending system's own category names (<see cref="ProviderLabels.ReasonOf"/>), if any.</param>
/// <param name="RemoteHost">The host that answered, if the report names it (lower case).</param>
/// <param name="Recipient">The recipient's address, if known.</param>
internal readonly record struct ReasonFacts(
    string? Dsn, int? Reply, string Text, string? Command, bool Delayed, bool FromMailer, ReasonPhrases.Said Said,
    string? Labelled = null, string? RemoteHost = null, string? Recipient = null);

/// <summary>
/// The order in which reasons are tried, after Sisimai's <c>Reason.pm</c> (BSD 2-Clause, see NOTICE.md): first
/// each reason's own test of the code, the command and the text together; then, when the code names no reason
/// or only a vague one, the text alone; then what the code class, the reply code and the DSN action imply.
/// Spam traps and greylisting (AcelleMail guide), providers' own codes and replies (<see cref="ProviderCodes"/>,
/// <see cref="GmailReplies"/>, <see cref="MicrosoftReplies"/>) and the
/// sending MTA's own words (<see cref="MtaPhrases"/>, <see cref="GmailStates"/>) are recognised before all of it.
/// </summary>
internal static class ReasonOrder
{
    private static readonly string[] ByOwnTest =
    [
        MailboxFull, MesgTooBig, ExceedLimit, Suspend, HasMoved, NoRelaying, AuthFailure, UserUnknown, Filtered,
        RequirePtr, NotCompliantRfc, BadReputation, ContentError, Rejected, HostUnknown, SpamDetected, Speeding,
        TooManyConn, Blocked,
    ];

    private static readonly string[] ByTextAlone =
    [
        MailboxFull, AuthFailure, BadReputation, Speeding, SpamDetected, VirusDetected, PolicyViolation, NoRelaying,
        SystemError, NetworkError, Suspend, ContentError, SystemFull, NotAccept, Expired, SecurityError, MailerError,
    ];

    /// <summary>All the above for a text read without codes or command, in the same order.</summary>
    public static readonly string[] TextOnly = [.. new[] { SpamTrap, Greylisted }.Concat(ByOwnTest).Concat(ByTextAlone).Distinct()];

    // Reasons a code or a sending system's category names too loosely to stop at (Sisimai's Reason.pm "retry"
    // list): the text may say better, and a loose category decides only where codes and text name no specific reason.
    private static readonly HashSet<string> Loose =
        [OnHold, SystemError, SecurityError, Expired, Suspend, NetworkError, HostUnknown, UserUnknown];

    // What a "user unknown" reply may not also say for an X.1.1 code to mean the address is unknown.
    private static readonly string[] NotUnknownUser = [NoRelaying, Blocked, MailboxFull, HasMoved, Rejected, NotAccept];

    public static string Find(in ReasonFacts f)
    {
        if (Say(SpamTrap, f)) return SpamTrap;
        var byProvider = ProviderCodes.ReasonOf(f.Text, f.Dsn, f.Command, f.RemoteHost, f.Recipient) ?? GmailReplies.ReasonOf(f.Text, f.Dsn) ?? MicrosoftReplies.ReasonOf(f.Text, f.Dsn);
        if (byProvider is not null) return byProvider;
        if (Say(Greylisted, f)) return Greylisted;
        if (f.Labelled is { } labelled && !Loose.Contains(labelled)) return labelled;
        var named = CodeRules.ReasonOf(f.Dsn);
        // The sending MTA's own words decide, unless they name a loose reason and a test before it holds.
        // Gmail's session state before its words: Sisimai's Gmail module reads its phrases only without a state.
        var mtaSays = GmailStates.ReasonOf(f.Text, f.Dsn) ?? MtaPhrases.ReasonOf(f.Text);
        if (mtaSays is not null && !Loose.Contains(mtaSays)) return mtaSays;
        if (!f.FromMailer)
        {
            foreach (var reason in ByOwnTest)
            {
                if (reason == mtaSays || reason == f.Labelled || Holds(reason, f, named)) return reason;
            }
        }
        return mtaSays ?? f.Labelled ?? Otherwise(f, named) ?? (f.Delayed ? Expired : RefusedSender(f) ?? (f.Text.Length > 0 ? OnHold : Undefined));
    }

    // A refusal of MAIL FROM that names no other cause refuses the sender (Sisimai's Exim, MXLogic and X4
    // modules); one that names a size or a full mailbox is about those.
    private static string? RefusedSender(in ReasonFacts f) => f.Command == SmtpCommands.Mail && f.Reply is null or >= 500 ? Rejected : null;

    private static bool Holds(string reason, in ReasonFacts f, string? named) => reason switch
    {
        // Sisimai tests these only with a code; a full mailbox said in words is the cause all the same, before a
        // notice's words about its own retries, which the later reasons' phrases take for something else.
        MailboxFull or ExceedLimit => (f.Dsn is not null || reason == MailboxFull) && (named == reason || Say(reason, f)),
        MesgTooBig => named == MesgTooBig || named != ExceedLimit && Say(MesgTooBig, f),
        Suspend => f.Dsn is not null && (f.Reply == 525 || Say(Suspend, f)),
        UserUnknown => IsUserUnknown(f, named),
        Filtered => IsFiltered(f, named),
        Rejected => IsRejected(f, named),
        HostUnknown => named == HostUnknown ? !Say(NetworkError, f) : Say(HostUnknown, f),
        // A content verdict needs the content: not one given before DATA.
        SpamDetected => f.Dsn is not null && (named == SpamDetected || !IsBeforeData(f.Command) && Say(SpamDetected, f)),
        Speeding => named == Speeding || f.Dsn is not null && Say(Speeding, f),
        HasMoved or NoRelaying or NotCompliantRfc => Say(reason, f),
        // Sisimai's ContentError has no test of its own: an X.6.x code or the text names it later, after the
        // spam, policy and virus verdicts ("554 5.6.0 ... scored as spam" is spam).
        ContentError => false,
        _ => named == reason || Say(reason, f),
    };

    // An X.1.1 code is believed unless the text says another cause. Without it, "user unknown" means it after a
    // refusal at RCPT or with another addressing code (X.1.x: Microsoft's 5.1.10, 5.1.351); else it may come from
    // a filter (see IsFiltered). The sending MTA's own words (MtaPhrases) are believed before all this.
    private static bool IsUserUnknown(in ReasonFacts f, string? named)
    {
        if (named == Suspend) return false;
        if (named == UserUnknown)
        {
            foreach (var other in NotUnknownUser)
            {
                if (Say(other, f)) return false;
            }
            return true;
        }
        var addressing = f.Dsn is [_, '.', '1', '.', ..];
        return (f.Command == SmtpCommands.Rcpt || addressing) && Say(UserUnknown, f);
    }

    // "User unknown" after the content was sent comes from a filter: Japanese carriers answer so when the
    // recipient's own rules refuse the sender. The address exists.
    private static bool IsFiltered(in ReasonFacts f, string? named)
    {
        if (named == Suspend) return false;
        if (named != Filtered && IsBeforeData(f.Command)) return false;
        return Say(Filtered, f) || Say(UserUnknown, f);
    }

    // Said in reply to MAIL FROM, these refuse the sender (Sisimai: "access denied (in reply to mail from command)");
    // after RCPT they may refuse the address instead ("Recipient address rejected: Access denied").
    private static readonly string[] RefusedAtMail = ["access denied"];

    private static bool IsRejected(in ReasonFacts f, string? named) =>
        named == Rejected
        || f.Command == SmtpCommands.Mail && (Say(Rejected, f) || Says(f.Text, RefusedAtMail))
        || f.Command == SmtpCommands.Data && named != UserUnknown && Say(Rejected, f)
        || f.Command is null or SmtpCommands.Rcpt && named is null or OnHold or SecurityError or SystemError && Say(Rejected, f);

    private static string? Otherwise(in ReasonFacts f, string? named)
    {
        if (named is not null && !Loose.Contains(named) && !f.FromMailer) return named;
        foreach (var reason in ByTextAlone)
        {
            if (Say(reason, f)) return reason;
        }
        if (named is not null) return named;
        return f.Dsn switch
        {
            [_, '.', '6', ..] => ContentError,
            "4.7.0" => Greylisted, // how greylisting usually answers (AcelleMail guide)
            [_, '.', '7', ..] => SecurityError,
            _ when f.FromMailer => MailerError,
            _ when f.Reply == 556 => NotAccept, // RFC 7504: the domain does not accept mail
            _ when f.Reply is >= 500 and <= 507 or >= 400 and <= 407 => SyntaxError,
            _ => null,
        };
    }

    private static bool Says(string text, string[] phrases) =>
        Array.Exists(phrases, p => text.Contains(p, StringComparison.Ordinal));

    private static bool IsBeforeData(string? command) => command is SmtpCommands.Rcpt or SmtpCommands.Mail;

    private static bool Say(string reason, in ReasonFacts f) => f.Said.Says(reason);
}
