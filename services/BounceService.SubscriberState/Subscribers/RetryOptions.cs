using System.ComponentModel.DataAnnotations;

namespace BounceService.SubscriberState.Subscribers;

public sealed class RetryOptions
{
    public const string Section = "Retries";

    /// <summary>How often due retries are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries announced per transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;
}
