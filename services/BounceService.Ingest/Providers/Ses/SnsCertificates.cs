using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BounceService.Ingest.Providers.Ses;

/// <summary>SNS signing certificates by address, fetched once. A failed download is not remembered.</summary>
public sealed class SnsCertificates(ISnsClient client)
{
    private const int MaxCached = 64;
    private readonly ConcurrentDictionary<string, X509Certificate2> _cache = new(StringComparer.Ordinal);

    /// <exception cref="HttpRequestException">The download failed.</exception>
    /// <exception cref="CryptographicException">What was downloaded is no certificate.</exception>
    public async Task<X509Certificate2> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(url.AbsoluteUri, out var cached)) return cached;
        var pem = await client.GetCertificateAsync(url, cancellationToken);
        var certificate = X509Certificate2.CreateFromPem(pem);
        if (_cache.Count >= MaxCached) _cache.Clear();
        return _cache.GetOrAdd(url.AbsoluteUri, certificate);
    }
}
