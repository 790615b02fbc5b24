namespace BounceService.SubscriberState.Subscribers;

/// <summary>
/// The retry schedules of the AcelleMail guide. A soft bounce is retried once per delay; the soft bounce
/// after the last retry turns into a hard one (<c>soft_to_hard</c>).
/// </summary>
public static class RetryPolicies
{
    public const string Default = "default";

    private static readonly Dictionary<string, TimeSpan[]> Named = new()
    {
        [Default] = [TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24)],
        ["aggressive"] = [TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24), TimeSpan.FromHours(72), TimeSpan.FromHours(168)],
        ["conservative"] = [TimeSpan.FromHours(1), TimeSpan.FromHours(24)],
    };

    public static IReadOnlyList<TimeSpan> Delays(string policy) => Named.GetValueOrDefault(policy, Named[Default]);

    /// <summary>Whether the <paramref name="streak"/>-th soft bounce in a row comes after the policy's last retry.</summary>
    public static bool Exhausted(int streak, IReadOnlyList<TimeSpan> delays) => streak > delays.Count;
}
