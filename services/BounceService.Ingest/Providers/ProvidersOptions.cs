using System.ComponentModel.DataAnnotations;

namespace BounceService.Ingest.Providers;

/// <summary>What all providers share, from the <c>Providers</c> section.</summary>
public sealed class ProvidersOptions
{
    public const string Section = "Providers";

    /// <summary>How far a signed request's timestamp may be from now, either way.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
