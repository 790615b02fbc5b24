using System.Globalization;
using System.Text.RegularExpressions;

namespace BounceService.Classification;

/// <summary>
/// Finds RFC 3463 enhanced status codes and basic SMTP reply codes in fields and free text, and says what a code
/// means in the IANA registry (<see cref="StatusCodeRegistry"/>).
/// </summary>
public static partial class SmtpStatusCodes
{
    // Class 2/4/5, subject 0-7 (zero-padded to three digits at most), detail up to three digits; never part of
    // a dotted number such as an IPv4 address ([5.79.64.12]) or a version string (10.5.1.1, v2.4.1).
    [GeneratedRegex(@"(?<![\w.])([245])\.(0{0,2}[0-7])\.(\d{1,3})(?!\.?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex EnhancedPattern();

    // A reply code opening the text (optionally after "smtp;" or Sendmail's "(reason: "), one right before an enhanced code, or one the
    // sending MTA quotes as the server's ("host mx.example.org[192.0.2.1] said: 554 ...", "Remote host said: 550 ...").
    [GeneratedRegex(@"^\s*(?:smtp;\s*|\(reason:\s*)?([245][0-5]\d)(?=[\s-]|$)|(?<![\d.])([245][0-5]\d)[\s-]+#?[245]\.0{0,2}[0-7]\.\d|(?<=\bsaid:[ \t]{0,3})([245][0-5]\d)(?=[\s-]|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPattern();

    /// <summary>
    /// The first enhanced status code in <paramref name="text"/>, normalised (<c>5.01.001</c> becomes <c>5.1.1</c>);
    /// a success code only when no failure code follows it (a session transcript's "250 2.1.0 Ok" before its "550 5.1.1").
    /// </summary>
    /// <remarks>The codes here are read from where each match lies (no Match object, no group strings): they are
    /// looked for in nearly every text the parser reads.</remarks>
    public static string? FindEnhanced(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        string? success = null;
        foreach (var m in EnhancedPattern().EnumerateMatches(text))
        {
            if (text[m.Index] != '2') return Normalised(text.AsSpan(m.Index, m.Length));
            success ??= Normalised(text.AsSpan(m.Index, m.Length));
        }
        return success;
    }

    // "5.01.001" as "5.1.1": the class, then the subject and the detail as numbers.
    private static string Normalised(ReadOnlySpan<char> code)
    {
        var subject = code[2..];
        var dot = subject.IndexOf('.');
        return $"{code[0]}.{int.Parse(subject[..dot])}.{int.Parse(subject[(dot + 1)..])}";
    }

    // The receiving server's own enhanced code, right after its reply code ("550-'5.2.2", "550 5.1.1").
    [GeneratedRegex(@"(?<![\d.])[245][0-5]\d[\s-]+['""]?#?([245])\.(0{0,2}[0-7])\.(\d{1,3})(?!\.?\d)", RegexOptions.CultureInvariant)]
    private static partial Regex ServerEnhancedPattern();

    /// <summary>The enhanced code that follows a reply code in <paramref name="text"/>: the server's own, not a relay's.</summary>
    public static string? FindServerEnhanced(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        string? success = null;
        foreach (var m in ServerEnhancedPattern().EnumerateMatches(text))
        {
            // After the reply code only blanks, dashes, a quote or '#' come before the enhanced code's class digit.
            var reply = text.AsSpan(m.Index, m.Length);
            var code = Normalised(reply[(3 + reply[3..].IndexOfAny('2', '4', '5'))..]);
            // As in FindEnhanced, a success code only when no failure follows it.
            if (code[0] != '2') return code;
            success ??= code;
        }
        return success;
    }

    /// <summary>The basic reply code in <paramref name="text"/>, if one can be told apart from other numbers.</summary>
    public static int? FindReply(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        int? success = null;
        foreach (var m in ReplyPattern().EnumerateMatches(text))
        {
            // Either way the code is the match's first digits: only blanks and "smtp;" may come before it.
            var match = text.AsSpan(m.Index, m.Length);
            var code = int.Parse(match.Slice(match.IndexOfAnyInRange('0', '9'), 3));
            // As for enhanced codes, a success reply only when no failure follows it.
            if (code >= 400) return code;
            success ??= code;
        }
        return success;
    }

    /// <summary>The class digit (2, 4 or 5) of an enhanced code, or of a reply code when there is none.</summary>
    public static int? ClassOf(string? enhanced, int? reply) =>
        enhanced is not null ? enhanced[0] - '0'
        : reply is >= 200 and < 600 ? reply / 100
        : null;

    /// <summary>
    /// What <paramref name="code"/> (<c>5.1.1</c>) means in the registry; a detail the registry does not list falls
    /// back to the subject's meaning. Null for anything that is not a code of class 2, 4 or 5 with subject 0-7.
    /// </summary>
    public static StatusMeaning? Describe(string? code)
    {
        if (Parse(code) is not { } parsed) return null;
        var (klass, subject, detail) = parsed;
        var registry = StatusCodeRegistry.Entries;
        if (!registry.TryGetValue($"{klass}", out var c) || !registry.TryGetValue($"X.{subject}", out var s)) return null;
        var normalised = $"{klass}.{subject}.{detail}";
        return registry.TryGetValue($"X.{subject}.{detail}", out var d)
            ? new StatusMeaning(normalised, c.Summary, s.Summary, d.Summary, d.Description, d.Reference, DetailRegistered: true)
            : new StatusMeaning(normalised, c.Summary, s.Summary, null, s.Description, s.Reference, DetailRegistered: false);
    }

    private static (int Class, int Subject, int Detail)? Parse(string? code)
    {
        var parts = code?.Trim().Split('.');
        if (parts is not { Length: 3 }) return null;
        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
            if (parts[i].Length is 0 or > 3 || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
                return null;
        return (numbers[0], numbers[1], numbers[2]);
    }
}
