using System.ComponentModel.DataAnnotations;

namespace BounceService.WebhookDispatch.Crm;

public sealed class WebhooksOptions
{
    public const string Section = "Webhooks";

    /// <summary>CRM endpoints from configuration (<c>Webhooks:Endpoints:N:Url</c>, optional <c>:Secret</c>): every event type.</summary>
    public List<ConfiguredEndpoint> Endpoints { get; set; } = [];

    /// <summary>Destinations allowed even though they are not public: host names or CIDR ranges (local CRMs, tests).</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Allow plain http endpoints everywhere (local testing only); otherwise only for allowed hosts.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Per-attempt timeout. The only HTTP-level policy: the stored schedule owns the retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The default <see cref="RetrySchedule"/>: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (about a day).</summary>
    public static readonly TimeSpan[] DefaultSchedule =
    [
        TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>
    /// Delay before each attempt (the first is usually zero); after the last one the delivery is dead. Null by default
    /// because the binder appends configured items to an initialised array instead of replacing them.
    /// </summary>
    public TimeSpan[]? RetrySchedule { get; set; }

    public IReadOnlyList<TimeSpan> Schedule => RetrySchedule is { Length: > 0 } configured ? configured : DefaultSchedule;

    /// <summary>How often the worker looks for due deliveries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Due deliveries claimed per round, and at most <see cref="PerEndpoint"/> of them for one endpoint.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    [Range(1, 100)]
    public int PerEndpoint { get; set; } = 5;

    /// <summary>An endpoint failing every attempt for this long is disabled.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How long the previous secret stays valid (and signed with) after a rotation.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);
}

public sealed class ConfiguredEndpoint
{
    [Required]
    public string Url { get; set; } = "";

    /// <summary>Standard Webhooks secret (<c>whsec_</c> + base64); requests are signed when set.</summary>
    public string? Secret { get; set; }
}
