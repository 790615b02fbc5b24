using System.Diagnostics;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using BounceService.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace BounceService.WebhookDispatch.Crm;

/// <summary>Posts one payload to every configured CRM endpoint, signed where the endpoint has a secret.</summary>
public sealed class WebhookSender(ICrmWebhookApi api, IOptions<WebhooksOptions> options, TimeProvider clock, ILogger<WebhookSender> logger)
{
    /// <param name="messageId">Stable across retries and re-publishes, so that a CRM can drop repeats.</param>
    /// <returns>The endpoints that did not answer 2xx (after the HTTP-level retries).</returns>
    public async Task<IReadOnlyList<string>> SendAsync(WebhookPayload payload, string messageId, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(payload);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var results = await Task.WhenAll(options.Value.Endpoints.Select(async endpoint =>
        {
            var headers = new Dictionary<string, string>
            {
                ["webhook-id"] = messageId,
                ["webhook-timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (!string.IsNullOrEmpty(endpoint.Secret))
                headers["webhook-signature"] = WebhookSigner.Sign(endpoint.Secret, messageId, timestamp, body);
            using var content = new StringContent(body, Encoding.UTF8, MediaTypeNames.Application.Json);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await api.PostAsync(endpoint.Url, content, headers, cancellationToken);
                BounceMetrics.WebhookAttempted(started, response.IsSuccessStatusCode ? "delivered" : "rejected");
                if (response.IsSuccessStatusCode) return null;
                logger.LogWarning("Webhook {MessageId} to {Endpoint} answered {Status}", messageId, SafeUrl(endpoint.Url), (int?)response.StatusCode);
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                BounceMetrics.WebhookAttempted(started, "failed");
                logger.LogWarning(ex, "Webhook {MessageId} to {Endpoint} failed", messageId, SafeUrl(endpoint.Url));
            }
            return endpoint.Url;
        }));
        return results.OfType<string>().ToList();
    }

    // Query strings often carry tokens: never log them.
    private static string SafeUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.GetLeftPart(UriPartial.Path) : "(invalid url)";
}
