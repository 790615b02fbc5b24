using System.Buffers;
using System.Text.RegularExpressions;

namespace BounceService.Classification.Mail;

/// <summary>Pulls a bare mailbox out of the many ways reports write one (a quoted local part keeps its quotes).</summary>
internal static partial class Addresses
{
    private const string MailboxPattern = @"(?:""[^""\r\n]{1,64}""|[\w.!#$%&'*+/=?^`{|}~-]+)@[\w-]+(?:\.[\w-]+)+";

    // A long run of name characters without an '@' costs the backtracking engine time in the square of its
    // length, so a long text goes to the linear engine. Not a timeout: on a busy machine a timeout fires on
    // ordinary text and the same message would read differently. A field or a line (most calls) is short,
    // and the backtracking engine is the faster one there.
    private const int ShortText = 2048;

    [GeneratedRegex(MailboxPattern, RegexOptions.CultureInvariant)]
    private static partial Regex ShortMailbox();

    private static readonly Regex LongMailbox = new(MailboxPattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static Regex Mailbox(string text) => text.Length <= ShortText ? ShortMailbox() : LongMailbox;

    /// <summary>The first mailbox in <paramref name="text"/> (after an <c>rfc822;</c> type, inside brackets or quotes).</summary>
    public static string? First(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // Read where the match lies: no Match object and no string but the one returned.
        foreach (var m in Mailbox(text).EnumerateMatches(text)) return text.AsSpan(m.Index, m.Length).Trim(".'").ToString();
        return null;
    }

    /// <summary>The first mailbox in <paramref name="text"/> (of its first 100) that <paramref name="suits"/>, or null.</summary>
    /// <remarks>Read where the matches lie: a string only for each mailbox tried, no Match objects.</remarks>
    public static string? First(string text, Func<string, bool> suits)
    {
        // Every mailbox holds an '@' and no line break, and its domain no blank: the lines before the first '@' and
        // the text after the word with the last one hold none, and are not searched (the pattern has no anchors).
        var firstAt = text.IndexOf('@');
        if (firstAt < 0) return null;
        var from = text.LastIndexOf('\n', firstAt) + 1;
        var lastAt = text.LastIndexOf('@');
        var blank = text.AsSpan(lastAt).IndexOfAny(Blanks);
        var searched = text.AsSpan(from, (blank < 0 ? text.Length : lastAt + blank) - from);
        var count = 0;
        foreach (var m in Mailbox(text).EnumerateMatches(searched))
        {
            if (count++ == 100) break;
            var address = searched.Slice(m.Index, m.Length).Trim(".'").ToString();
            if (suits(address)) return address;
        }
        return null;
    }

    private static readonly SearchValues<char> Blanks =
        SearchValues.Create([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace)]);

    /// <summary>A lone <c>local@host</c> with no spaces or brackets, the host perhaps without a dot.</summary>
    public static bool IsBare(string text)
    {
        var at = text.IndexOf('@');
        return at > 0 && at < text.Length - 1 && text.IndexOf('@', at + 1) < 0 && !text.AsSpan().ContainsAny(" \t<>()[],;:\"");
    }

    /// <summary>Addresses of the mail system itself, never a bounced recipient.</summary>
    public static bool IsSystem(string address)
    {
        var at = address.IndexOf('@');
        var local = at < 0 ? address.AsSpan() : address.AsSpan(0, at);
        // Lowered into a small buffer, not a new string per address: no system name is longer than 13 characters.
        if (local.Length > 13) return false;
        Span<char> lower = stackalloc char[local.Length];
        local.ToLowerInvariant(lower);
        return lower is "mailer-daemon" or "postmaster" or "mail-daemon" or "maildaemon";
    }
}
