namespace BounceService.Ingest.Providers.Ses;

/// <summary>What the SES adapter asks of SNS over HTTP; tests replace it (they never reach the internet).</summary>
public interface ISnsClient
{
    /// <summary>The PEM text at <paramref name="url"/>, an address <see cref="SnsUrls"/> accepted.</summary>
    Task<string> GetCertificateAsync(Uri url, CancellationToken cancellationToken);

    /// <summary>Visits a <c>SubscribeURL</c>; throws unless SNS answered 2xx.</summary>
    Task ConfirmSubscriptionAsync(Uri subscribeUrl, CancellationToken cancellationToken);
}

/// <summary>
/// The real client. Redirects are not followed, so that nothing but the SNS host checked beforehand is ever
/// read from or called.
/// </summary>
public sealed class SnsClient(HttpClient http) : ISnsClient
{
    public async Task<string> GetCertificateAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public async Task ConfirmSubscriptionAsync(Uri subscribeUrl, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(subscribeUrl, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
