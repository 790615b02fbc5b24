using System.ComponentModel.DataAnnotations;

namespace BounceService.Ingest;

public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>How long a request waits for the broker to confirm its events before answering 503.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest JSON body accepted (bytes).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Most events accepted in one request.</summary>
    [Range(1, 100_000)]
    public int MaxEventsPerRequest { get; set; } = 1000;

    /// <summary>Largest raw bounce e-mail accepted on <c>/v1/ingest/dsn</c> (bytes).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Headers of the returned original message that carry the campaign id, first match wins.</summary>
    public string[] CampaignHeaders { get; set; } = ["X-Campaign-Uid", "X-Campaign-UUID", "X-Campaign-Id"];

    /// <summary>Headers of the returned original message that carry the list id, first match wins.</summary>
    public string[] ListHeaders { get; set; } = ["X-List-Uid", "X-List-Id"];
}
