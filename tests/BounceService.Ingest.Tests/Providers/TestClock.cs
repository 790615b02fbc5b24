namespace BounceService.Ingest.Tests.Providers;

/// <summary>A clock the test sets, so that fixtures signed long ago are within the signature tolerance.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}
