namespace BounceService.SubscriberState.Data;

/// <summary>An address that must not be mailed on any list: a hard recipient bounce, a complaint or a trap hit.</summary>
public sealed class Suppression
{
    public required string Email { get; init; }
    /// <summary><c>hard_bounce</c>, <c>complaint</c> or <c>spam_trap</c>.</summary>
    public required string Cause { get; init; }
    public string? EventId { get; init; }
    public DateTimeOffset Since { get; init; }
}
