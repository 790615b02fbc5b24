using System.ComponentModel.DataAnnotations;

namespace BounceService.WebhookDispatch.Crm;

public sealed class WebhooksOptions
{
    public const string Section = "Webhooks";

    /// <summary>CRM endpoints from configuration (<c>Webhooks:Endpoints:N:Url</c>, optional <c>:Secret</c>).</summary>
    public List<ConfiguredEndpoint> Endpoints { get; set; } = [];

    /// <summary>Destinations allowed even though they are not public: host names or CIDR ranges (local CRMs, tests).</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Allow plain http endpoints everywhere (local testing only); otherwise only for allowed hosts.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Per-attempt timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first attempt, on 5xx, 408, 429, timeouts and connection errors.</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}

public sealed class ConfiguredEndpoint
{
    [Required]
    public string Url { get; set; } = "";

    /// <summary>Standard Webhooks secret (<c>whsec_</c> + base64); requests are signed when set.</summary>
    public string? Secret { get; set; }
}
