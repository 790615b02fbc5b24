namespace BounceService.Classification;

/// <summary>
/// Which provider answered, told by the host that answered: a DSN's <c>Remote-MTA</c>, else the host the sending
/// MTA's text names ("host mta6.am0.yahoodns.net[192.0.2.1] said:", Exim's "host mx.example.com [192.0.2.1]").
/// Sisimai's <c>Rhost.pm</c> picks a provider's rules by the remote host the same way (BSD 2-Clause, see
/// NOTICE.md). Only providers whose codes or words mean something else elsewhere are told apart here.
/// </summary>
internal static class ProviderHosts
{
    /// <summary>Yahoo's mail exchangers (<c>*.yahoodns.net</c>).</summary>
    public static readonly string[] Yahoo = ["yahoodns."];

    /// <summary>GoDaddy's (<c>smtp.secureserver.net</c>, <c>mailstore1.secureserver.net</c>).</summary>
    public static readonly string[] GoDaddy = ["smtp.secureserver.net", "mailstore1.secureserver.net"];

    /// <summary>Cox's (<c>cox.net</c>).</summary>
    public static readonly string[] Cox = ["cox.net"];

    /// <summary>Mimecast's (<c>*.mimecast.com</c>).</summary>
    public static readonly string[] Mimecast = [".mimecast.com"];

    /// <summary>Tencent's (QQ Mail, <c>mx1.qq.com</c>).</summary>
    public static readonly string[] Tencent = [".qq.com"];

    /// <summary>Symantec Email Security.cloud's, formerly MessageLabs (<c>*.messagelabs.com</c>).</summary>
    public static readonly string[] MessageLabs = [".messagelabs.com"];

    /// <summary>AOL's (<c>*.mail.aol.com</c>, <c>*.mx.aol.com</c>).</summary>
    public static readonly string[] Aol = [".mail.aol.com", ".mx.aol.com"];

    /// <summary>
    /// The host that answered: <paramref name="remoteHost"/>, else the first host named in <paramref name="text"/>
    /// (prepared, lower case); empty if neither names one. A slice of either, so no string is made per reply.
    /// </summary>
    public static ReadOnlySpan<char> HostOf(string? remoteHost, string text)
    {
        if (remoteHost is not null) return remoteHost;
        var at = text.IndexOf("host ", StringComparison.Ordinal);
        if (at < 0) return [];
        // "host NAME[ip]" or "host NAME [ip]"
        var name = text.AsSpan(at + "host ".Length);
        var end = name.IndexOfAny(' ', '[');
        return end < 0 ? name : name[..end];
    }

    /// <summary>
    /// Whether <paramref name="host"/> is one of a provider's: it carries a part of their names. A part, not the
    /// end, so that redacted samples ("mta7.am0.yahoodns.example.net") still count. Or whether the
    /// <paramref name="recipient"/>'s domain is theirs: Sisimai 5's <c>Rhost.pm</c> tries the recipient's domain
    /// first, as a part of one of their names ("cox.net", "aol.com" in ".mail.aol.com").
    /// </summary>
    public static bool Answered(string[] provider, ReadOnlySpan<char> host, string? recipient)
    {
        foreach (var part in provider)
        {
            if (host.Contains(part, StringComparison.Ordinal)) return true;
        }
        var at = recipient?.LastIndexOf('@') ?? -1;
        if (at < 0) return false;
        var domain = recipient!.AsSpan(at + 1).Trim().TrimEnd('>');
        if (!domain.Contains('.')) return false; // "" is a part of every name
        foreach (var part in provider)
        {
            if (part.AsSpan().Contains(domain, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
