using Refit;

namespace BounceService.WebhookDispatch.Crm;

/// <summary>One POST to a CRM's webhook URL; the caller reads the status (only 2xx is success).</summary>
public interface ICrmWebhookApi
{
    [Post("/")]
    Task<IApiResponse> PostAsync([Url] string url, [Body] HttpContent body, [HeaderCollection] IDictionary<string, string> headers, CancellationToken cancellationToken);
}
