namespace BounceService.Classification;

/// <summary>
/// Which provider answered, told by the host that answered: a DSN's <c>Remote-MTA</c>, else the host the sending
/// MTA's text names ("host mta6.am0.yahoodns.net[192.0.2.1] said:", Exim's "host mx.example.com [192.0.2.1]").
/// Sisimai's <c>Rhost.pm</c> picks a provider's rules by the remote host the same way (BSD 2-Clause, see
/// NOTICE.md). Only providers whose codes mean something else elsewhere are told apart here.
/// </summary>
internal static class ProviderHosts
{
    /// <summary>Yahoo's mail exchangers (<c>*.yahoodns.net</c>).</summary>
    public const string Yahoo = "yahoodns.";

    /// <summary>
    /// Whether a host of <paramref name="provider"/> answered: <paramref name="remoteHost"/>, or the host named in
    /// <paramref name="text"/> (prepared, lower case), carries its name. A part of the name, not its end, so that
    /// redacted samples ("mta7.am0.yahoodns.example.net") still count.
    /// </summary>
    public static bool Answered(string provider, string? remoteHost, string text) =>
        (remoteHost ?? HostNamedIn(text))?.Contains(provider, StringComparison.Ordinal) == true;

    // "host NAME[ip]" or "host NAME [ip]": the first such name in the text.
    private static string? HostNamedIn(string text)
    {
        var at = text.IndexOf("host ", StringComparison.Ordinal);
        if (at < 0) return null;
        var name = text.AsSpan(at + "host ".Length);
        var end = name.IndexOfAny(' ', '[');
        return (end < 0 ? name : name[..end]).ToString();
    }
}
