using Refit;

namespace BounceService.WebhookDispatch.Crm;

/// <summary>One POST to a CRM's webhook URL; the caller reads the status (only 2xx is success) and the body.</summary>
public interface ICrmWebhookApi
{
    [Post("/")]
    Task<IApiResponse<string>> PostAsync([Url] string url, [Body] HttpContent body, [HeaderCollection] IDictionary<string, string> headers, CancellationToken cancellationToken);
}
