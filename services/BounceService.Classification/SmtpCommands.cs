using System.Buffers;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BounceService.Classification;

/// <summary>
/// The SMTP command a server was answering when it refused, as MTAs write it ("in reply to RCPT TO command",
/// "after end of data", "&gt;&gt;&gt; DATA", "[RCPT_TO]"). A refusal at RCPT judges the address; one after DATA
/// judges the message (the address was accepted first).
/// </summary>
public static partial class SmtpCommands
{
    public const string Rcpt = "RCPT";
    public const string Data = "DATA";
    public const string Mail = "MAIL";

    private static readonly string[] Words = [Rcpt, Data, Mail];
    // No word's end is another's start, so one search for all three finds each where a search per word would.
    private static readonly SearchValues<string> AnyWord = SearchValues.Create(Words, StringComparison.OrdinalIgnoreCase);
    private const int Window = 40;

    // What comes right before a command word when an MTA names the refused command ("SMTP:RCPT host ...": X3;
    // "Server response to MAIL FROM:", "Additional RCPT TO generated following response:": IMail).
    [GeneratedRegex(@"(?:in\s+reply\s+to\s+(?:end\s+of\s+)?|after\s+(?:end\s+of\s+)?|(?:^|\n)[ \t]*>>>[ \t]*|\[|(?:^|\s)SMTP:|server\s+response\s+to\s+|additional\s+)\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Before();

    // "RCPT TO not accepted", "RCPT TO rejected": the command named after the fact.
    [GeneratedRegex(@"\A\s+TO\s+(?:not\s+accepted|rejected)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RcptAfter();

    // "DATA command generated response:" (IMail).
    [GeneratedRegex(@"\A\s+command\s+generated\s+response", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DataAfter();

    /// <summary><see cref="Rcpt"/>, <see cref="Data"/>, <see cref="Mail"/>, or null when the text does not say.</summary>
    /// <remarks>The last command named wins: transcripts list the accepted commands before the failing one.
    /// The words are found with a plain (vectorised) search and only their surroundings are matched, so a
    /// long text costs little. The patterns see only a window of <see cref="Window"/> characters, so they need no
    /// timeout (which would read the clock on every match).</remarks>
    public static string? Find(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        string? found = null;
        for (var i = text.AsSpan().IndexOfAny(AnyWord); i >= 0;)
        {
            var word = WordAt(text.AsSpan(i));
            if (Names(text, i, word)) found = word;
            var next = text.AsSpan(i + word.Length).IndexOfAny(AnyWord);
            i = next < 0 ? -1 : i + word.Length + next;
        }
        return found ?? GmailStates.CommandOf(text);
    }

    // The last word or mark of every lead-in of Before(), blanks after it aside ("in reply to ", "end of ", "after ",
    // ">>> ", "[", "SMTP:", "additional "): the pattern runs only behind one of them, not at every "mail" of a text.
    private static readonly string[] LeadInEnds = ["to", "of", "after", "additional", ">", "[", ":"];

    private static string WordAt(ReadOnlySpan<char> text)
    {
        foreach (var word in Words)
        {
            if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase)) return word;
        }
        throw new UnreachableException();
    }

    private static bool Names(string text, int at, string word)
    {
        var end = at + word.Length;
        if (end < text.Length && char.IsAsciiLetterOrDigit(text[end])) return false;
        // Every lead-in of Before() ends with a blank or a mark, so a word inside another ("email") needs no match.
        var start = Math.Max(0, at - Window);
        var before = text.AsSpan(start, at - start);
        if (at > 0 && !char.IsAsciiLetterOrDigit(text[at - 1]) && EndsWithLeadIn(before) && Before().IsMatch(before)) return true;
        var rest = text.AsSpan(end, Math.Min(Window, text.Length - end));
        return word == Rcpt && RcptAfter().IsMatch(rest) || word == Data && DataAfter().IsMatch(rest);
    }

    private static bool EndsWithLeadIn(ReadOnlySpan<char> before)
    {
        var words = before.TrimEnd();
        foreach (var leadInEnd in LeadInEnds)
        {
            if (words.EndsWith(leadInEnd, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
