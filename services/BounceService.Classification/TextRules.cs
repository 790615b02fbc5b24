using System.Buffers;
using System.Text.RegularExpressions;

namespace BounceService.Classification;

/// <summary>
/// Reading a diagnostic text by itself, with no codes or SMTP command to go by: the phrases of
/// <see cref="ReasonPhrases"/> tried in <see cref="ReasonOrder"/>'s order, and the kind each reason implies
/// when no status code says hard or soft. Also the text's preparation for matching.
/// </summary>
public static partial class TextRules
{
    private const int MaxLength = 8192;

    // A multi-line reply repeats its codes on every line ("550-5.7.1 ... 550-5.7.1 ..."); the repeats split the
    // phrases the rules look for, so all but the first are dropped.
    [GeneratedRegex(@"(?<=\s)[245]\d\d[ -]#?(?<code>[245]\.\d{1,3}\.\d{1,3})\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ContinuationCodes();

    private static bool Repeats(string text, Match code) =>
        text.AsSpan(0, code.Index).Contains(code.Groups["code"].ValueSpan, StringComparison.Ordinal);

    // A Diagnostic-Code type's letters after "x-" ("x-unix", "x-postfix").
    private static readonly SearchValues<char> TypeLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    /// <summary>
    /// Splits <see cref="Prepare"/>d text into the Diagnostic-Code type ("smtp", "x-unix", or "") and the words:
    /// "smtp; ", "x-unix ; " are the type, not part of the server's words. Read by hand, not by a pattern, because
    /// every classification asks.
    /// </summary>
    internal static (string Type, string Words) SplitType(string prepared)
    {
        var text = prepared.AsSpan();
        var typeLength = text.StartsWith("smtp") ? 4
            : text.StartsWith("x-") ? 2 + (text[2..].IndexOfAnyExcept(TypeLetters) is var end and >= 0 ? end : text.Length - 2)
            : 0;
        if (typeLength is 0 or 2) return ("", prepared);
        var at = typeLength;
        if (at < text.Length && text[at] == ' ') at++;
        if (at >= text.Length || text[at] != ';') return ("", prepared);
        at++;
        if (at < text.Length && text[at] == ' ') at++;
        return (text.StartsWith("smtp") ? "smtp" : prepared[..typeLength], prepared[at..]);
    }

    // Without a status code, these clear by themselves or may: the rest are permanent.
    private static readonly HashSet<string> SoftReasons =
    [
        Reasons.MailboxFull, Reasons.Greylisted, Reasons.Expired, Reasons.NetworkError, Reasons.SystemError,
        Reasons.SystemFull, Reasons.TooManyConn, Reasons.Speeding, Reasons.BadReputation, Reasons.MailerError,
    ];

    /// <summary>The first reason whose phrases <paramref name="text"/> contains, with its kind; null if none.</summary>
    public static (string Reason, string Kind)? Match(string? text)
    {
        var prepared = Prepare(text);
        if (prepared.Length == 0) return null;
        var said = ReasonPhrases.Read(prepared);
        foreach (var reason in ReasonOrder.TextOnly)
        {
            if (said.Says(reason)) return (reason, KindOf(reason) ?? "hard");
        }
        return SplitType(prepared).Type == "x-unix" ? (Reasons.MailerError, KindOf(Reasons.MailerError)!) : null;
    }

    /// <summary>The kind <paramref name="reason"/> implies when no code gives one; null when it implies none.</summary>
    public static string? KindOf(string reason) => reason switch
    {
        Reasons.Undefined or Reasons.OnHold => null,
        _ => SoftReasons.Contains(reason) ? "soft" : "hard",
    };

    // char.ToLowerInvariant of every UTF-16 unit, looked up: outside ASCII each call goes to ICU, and Japanese
    // bounces are all non-ASCII text (128 KB, built once).
    private static readonly char[] LowerInvariant = CreateLowerTable();

    private static char[] CreateLowerTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++) table[c] = char.ToLowerInvariant((char)c);
        return table;
    }

    /// <summary>Lower case, one space between words, repeated reply codes dropped: the form phrases are matched in.</summary>
    /// <remarks>Ends with a space, so a phrase may end with one ("transaction failed ") at the end of the text too.</remarks>
    public static string Prepare(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        if (text.Length > MaxLength) text = text[..MaxLength];
        // Only a multi-line reply ("550-5.7.1 ...") repeats its codes; the regex is not worth running on others.
        // The patterns here are linear and the text is capped, so they run without a timeout (which would read
        // the clock on every match).
        if (text.Contains("-5.", StringComparison.Ordinal) || text.Contains("-4.", StringComparison.Ordinal))
        {
            var original = text;
            text = ContinuationCodes().Replace(text, m => Repeats(original, m) ? " " : m.Value);
        }
        var source = text.AsSpan().Trim();
        Span<char> prepared = source.Length < 1024 ? stackalloc char[source.Length + 1] : new char[source.Length + 1];
        var length = 0;
        var space = false;
        foreach (var c in source)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space) prepared[length++] = ' ';
            space = false;
            prepared[length++] = LowerInvariant[c];
        }
        prepared[length++] = ' ';
        return new string(prepared[..length]);
    }
}
