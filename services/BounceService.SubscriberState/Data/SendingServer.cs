namespace BounceService.SubscriberState.Data;

/// <summary>A sending server's retry policy; servers never configured use <c>default</c>.</summary>
public sealed class SendingServer
{
    public required string Id { get; init; }
    /// <summary><c>default</c>, <c>aggressive</c>, <c>conservative</c> or <c>custom</c>.</summary>
    public required string RetryPolicy { get; set; }
    /// <summary>The delays of a <c>custom</c> policy; empty for the named ones.</summary>
    public TimeSpan[] Delays { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}
