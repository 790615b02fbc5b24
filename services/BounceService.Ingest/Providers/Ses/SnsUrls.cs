using System.Text.RegularExpressions;

namespace BounceService.Ingest.Providers.Ses;

/// <summary>
/// The only addresses the service fetches from or calls for SNS: <c>https://sns.&lt;region&gt;.amazonaws.com[.cn]/</c>,
/// default port, no user info. Anything else (a look-alike host, an IP, http) is refused before any request.
/// </summary>
public static partial class SnsUrls
{
    [GeneratedRegex(@"^sns\.[a-z]{2}(?:-[a-z]+)+-\d{1,2}\.amazonaws\.com(?:\.cn)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();

    /// <summary>A signing certificate's address: an SNS host and a path ending in <c>.pem</c>, no query.</summary>
    public static Uri? Certificate(string? url) =>
        Sns(url) is { } uri && uri.AbsolutePath.EndsWith(".pem", StringComparison.Ordinal) && uri.Query.Length == 0 && uri.Fragment.Length == 0 ? uri : null;

    /// <summary>A <c>SubscribeURL</c>: an SNS host.</summary>
    public static Uri? Subscribe(string? url) => Sns(url);

    private static Uri? Sns(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && uri.IsDefaultPort
        && uri.UserInfo.Length == 0
        && uri.HostNameType == UriHostNameType.Dns
        && HostPattern().IsMatch(uri.Host)
            ? uri
            : null;
}
