using System.Collections.Concurrent;
using BounceService.Ingest.Providers.Ses;

namespace BounceService.Ingest.Tests.Providers;

/// <summary>SNS as the tests see it: serves the fixture certificate and records every call; never the network.</summary>
public sealed class FakeSnsClient : ISnsClient
{
    public ConcurrentDictionary<string, string> Certificates { get; } = new();
    public ConcurrentQueue<Uri> CertificateRequests { get; } = new();
    public ConcurrentQueue<Uri> Confirmations { get; } = new();

    public Task<string> GetCertificateAsync(Uri url, CancellationToken cancellationToken)
    {
        CertificateRequests.Enqueue(url);
        return Certificates.TryGetValue(url.AbsoluteUri, out var pem)
            ? Task.FromResult(pem)
            : throw new HttpRequestException($"404 for {url}");
    }

    public Task ConfirmSubscriptionAsync(Uri subscribeUrl, CancellationToken cancellationToken)
    {
        Confirmations.Enqueue(subscribeUrl);
        return Task.CompletedTask;
    }
}
