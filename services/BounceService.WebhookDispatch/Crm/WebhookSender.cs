using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Mime;
using System.Text;
using BounceService.ServiceDefaults;
using Refit;

namespace BounceService.WebhookDispatch.Crm;

/// <summary>What one attempt came to. <see cref="RetryAfter"/> is the CRM's own wish on 429 and 503.</summary>
public sealed record SendOutcome(bool Succeeded, int? StatusCode, int LatencyMs, string? Error, string? ResponseExcerpt, TimeSpan? RetryAfter);

/// <summary>One signed POST to one CRM endpoint. Only 2xx is success; a redirect is a failure, never followed.</summary>
public sealed class WebhookSender(ICrmWebhookApi api, TimeProvider clock)
{
    private const int ExcerptLength = 512;

    /// <param name="secrets">Every secret valid now: each signs, space-separated (rotation); none sends unsigned.</param>
    public async Task<SendOutcome> SendAsync(string url, string messageId, string body, IReadOnlyList<string> secrets, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = messageId,
            ["webhook-timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
        };
        if (secrets.Count > 0)
            headers["webhook-signature"] = string.Join(' ', secrets.Select(s => WebhookSigner.Sign(s, messageId, timestamp, body)));
        using var content = new StringContent(body, Encoding.UTF8, MediaTypeNames.Application.Json);
        var started = Stopwatch.GetTimestamp();
        int Latency() => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        try
        {
            using var response = await api.PostAsync(url, content, headers, cancellationToken);
            BounceMetrics.WebhookAttempted(started, response.StatusCode is null ? "failed" : response.IsSuccessStatusCode ? "delivered" : "rejected");
            if (response.StatusCode is not { } status)
                return new SendOutcome(false, null, Latency(), ErrorOf(response.Error?.InnerException ?? response.Error), null, null);
            var code = (int)status;
            var excerpt = (response.IsSuccessStatusCode ? response.Content : (response.Error as ApiException)?.Content) ?? "";
            return new SendOutcome(response.IsSuccessStatusCode, code, Latency(),
                response.IsSuccessStatusCode ? null : $"HTTP {code}", Cut(excerpt), RetryAfterOf(status, response.Headers?.RetryAfter));
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            BounceMetrics.WebhookAttempted(started, "failed");
            return new SendOutcome(false, null, Latency(), ErrorOf(ex), null, null);
        }
    }

    private static string? Cut(string text) => text.Length == 0 ? null : text.Length <= ExcerptLength ? text : text[..ExcerptLength];

    private static string ErrorOf(Exception? ex) => ex switch
    {
        null => "no response",
        OperationCanceledException or TimeoutException => "timed out",
        _ => ex.Message,
    };

    private TimeSpan? RetryAfterOf(HttpStatusCode status, RetryConditionHeaderValue? header)
    {
        if (status is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)) return null;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - clock.GetUtcNow();
        return null;
    }
}
