namespace BounceService.Classification.Mail;

/// <summary>
/// How MTAs announce their copy of the returned message under the notification text, as data. The literal
/// line starts follow the "rebackbone" patterns of Sisimai's Lhost modules (BSD-2, see NOTICE.md).
/// </summary>
internal static class CopyMarkers
{
    // Compared case-insensitively with the start of a line, leading blanks skipped.
    private static readonly string[] LineStarts =
    [
        "Content-Type: message/rfc822",           // Postfix, Sendmail, Courier, Office 365, most DSN writers pasted as text
        "Content-Type: text/rfc822-headers",      // Postfix, Amavis, Barracuda, PowerMTA, MessageLabs
        "Received: ",                             // a pasted header block (X1)
        "Return-Path: ",                          // MessagingServer, pasted header blocks
        "Original message",                       // Exchange 2007 "Original message headers:", IMailServer "Original message follows."
        "En-têtes de message d'origine",          // Exchange 2007, fr-FR
        "Intestazioni originali del messaggio",   // Exchange 2007, it-CH
        "Original mail as follows:",              // FML
        "Included is a copy of the message header", // MXLogic
        "The attachment contains the original mail headers", // X6
        "Below is a copy of the original message", // OpenSMTPD
    ];

    // A rule of dashes (or = _ *) followed, within a few words, by one of these: "------ This is a copy of the
    // message, including all the headers. ------" (Exim, MailRu), "--- Below this line is a copy of the message."
    // (qmail, Yahoo, X4), "----- Original message -----" (Gmail), "------- Returned Message --------" (Notes),
    // "--- The header of the original message is following. ---" (GMX, 1&1), "----- Unsent message follows -----"
    // (V5 Sendmail), "-------original message" (mFILTER).
    private static readonly string[] RuledKeywords =
    [
        "original", "copy of", "returned message", "header of", "headers of", "below this", "undelivered message",
        "unsent message", "message text", "message follows",
    ];

    private const int RuledWindow = 48;

    /// <summary>Whether <paramref name="line"/> is where the copy of the returned message starts.</summary>
    public static bool StartsCopy(ReadOnlySpan<char> line)
    {
        line = line.TrimStart();
        if (line.IsEmpty) return false;
        foreach (var start in LineStarts)
        {
            // Most lines share no first letter with any start: one character compared rules them out cheaply.
            if (line[..1].Equals(start.AsSpan(0, 1), StringComparison.OrdinalIgnoreCase)
                && line.StartsWith(start, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return IsRuled(line);
    }

    private static bool IsRuled(ReadOnlySpan<char> line)
    {
        var rule = 0;
        while (rule < line.Length && line[rule] is '-' or '=' or '_' or '*') rule++;
        if (rule < 2) return false;
        var words = line[rule..];
        words = words[..Math.Min(words.Length, RuledWindow)];
        foreach (var keyword in RuledKeywords)
        {
            if (words.Contains(keyword, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
