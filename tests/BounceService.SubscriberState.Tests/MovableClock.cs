namespace BounceService.SubscriberState.Tests;

/// <summary>The service's clock in tests: the system time, moved ahead when a test wants a due time reached without waiting.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Ahead { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Ahead;

    /// <summary>Moves the clock to <paramref name="instant"/> (from where it goes on running).</summary>
    public void MoveTo(DateTimeOffset instant) => Ahead += instant - GetUtcNow();
}
