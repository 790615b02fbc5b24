namespace BounceService.WebhookDispatch.Data;

/// <summary>One HTTP attempt of a delivery, as the CRM answered it (or did not).</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; init; }
    public Guid DeliveryId { get; init; }
    public DateTimeOffset At { get; init; }
    public int? StatusCode { get; init; }
    public int LatencyMs { get; init; }
    public string? Error { get; init; }
    /// <summary>The first 512 characters of the response body.</summary>
    public string? ResponseExcerpt { get; init; }
}
