using System.Buffers;

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
        "Message headers follow",                 // DragonFly Mail Agent (its "Original message follows." is above)
    ];

    // A rule of dashes (or = _ *) followed, within a few words, by one of these: "------ This is a copy of the
    // message, including all the headers. ------" (Exim, MailRu), "--- Below this line is a copy of the message."
    // (qmail, Yahoo, X4), "----- Original message -----" (Gmail), "------- Returned Message --------" (Notes),
    // "--- The header of the original message is following. ---" (GMX, 1&1), "----- Unsent message follows -----"
    // (V5 Sendmail), "-------original message" (mFILTER), "|---- Message text follows: ----|" (Smail 3),
    // "|---- Message header follows: ----|" (Deutsche Telekom's Smail), "----- Message header follows -----" (Gmail).
    private static readonly string[] RuledKeywords =
    [
        "original", "copy of", "returned message", "header of", "headers of", "below this", "undelivered message",
        "unsent message", "message text", "message follows", "header follows",
    ];

    private const int RuledWindow = 48;

    // The starts' first letters in both cases: an ASCII line that begins with none of them (most) starts none.
    private static readonly SearchValues<char> FirstLetters =
        SearchValues.Create([.. LineStarts.SelectMany(start => new[] { char.ToLowerInvariant(start[0]), char.ToUpperInvariant(start[0]) })]);

    /// <summary>Whether <paramref name="line"/> is where the copy of the returned message starts.</summary>
    public static bool StartsCopy(ReadOnlySpan<char> line)
    {
        line = line.TrimStart();
        if (line.IsEmpty) return false;
        if (char.IsAscii(line[0]) && !FirstLetters.Contains(line[0])) return IsRuled(line);
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
        var rule = line[0] == '|' ? 1 : 0; // Smail frames its rules: "|---- ... ----|"
        var start = rule;
        while (rule < line.Length && line[rule] is '-' or '=' or '_' or '*') rule++;
        if (rule - start < 2) return false;
        var words = line[rule..];
        words = words[..Math.Min(words.Length, RuledWindow)];
        foreach (var keyword in RuledKeywords)
        {
            if (words.Contains(keyword, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
