using System.Text.RegularExpressions;

namespace BounceService.Classification.Mail;

/// <summary>Pulls a bare mailbox out of the many ways reports write one (a quoted local part keeps its quotes).</summary>
internal static partial class Addresses
{
    private const string MailboxPattern = @"(?:""[^""\r\n]{1,64}""|[\w.!#$%&'*+/=?^`{|}~-]+)@[\w-]+(?:\.[\w-]+)+";

    // A long run of name characters without an '@' costs this pattern time in the square of its length: a
    // long text gets a timeout. A field or a line (most calls) cannot be slow, and skips the clock reads
    // that a timeout makes on every call.
    private const int ShortText = 2048;

    [GeneratedRegex(MailboxPattern, RegexOptions.CultureInvariant)]
    private static partial Regex ShortMailbox();

    [GeneratedRegex(MailboxPattern, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex LongMailbox();

    private static Regex Mailbox(string text) => text.Length <= ShortText ? ShortMailbox() : LongMailbox();

    /// <summary>The first mailbox in <paramref name="text"/> (after an <c>rfc822;</c> type, inside brackets or quotes).</summary>
    public static string? First(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var m = Mailbox(text).Match(text);
            return m.Success ? m.Value.Trim('.', '\'') : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Every mailbox in <paramref name="text"/>, in order (at most 100), found as they are asked for.</summary>
    /// <remarks>A caller that wants the first suitable one stops the search there.</remarks>
    public static IEnumerable<string> All(string text)
    {
        var pattern = Mailbox(text);
        Match? m = null;
        for (var count = 0; count < 100; count++)
        {
            if (Next(pattern, text, m) is not { Success: true } next) yield break;
            m = next;
            yield return m.Value.Trim('.', '\'');
        }
    }

    // The first match, or the one after `previous`; null when the search timed out (what came before is kept).
    private static Match? Next(Regex pattern, string text, Match? previous)
    {
        try
        {
            return previous is null ? pattern.Match(text) : previous.NextMatch();
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>A lone <c>local@host</c> with no spaces or brackets, the host perhaps without a dot.</summary>
    public static bool IsBare(string text)
    {
        var at = text.IndexOf('@');
        return at > 0 && at < text.Length - 1 && text.IndexOf('@', at + 1) < 0 && !text.AsSpan().ContainsAny(" \t<>()[],;:\"");
    }

    /// <summary>Addresses of the mail system itself, never a bounced recipient.</summary>
    public static bool IsSystem(string address)
    {
        var local = address.Split('@')[0].ToLowerInvariant();
        return local is "mailer-daemon" or "postmaster" or "mail-daemon" or "maildaemon";
    }
}
