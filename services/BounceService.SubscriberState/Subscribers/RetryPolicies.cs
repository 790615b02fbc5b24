using BounceService.SubscriberState.Data;

namespace BounceService.SubscriberState.Subscribers;

/// <summary>
/// The retry schedules of the AcelleMail guide. A soft bounce is retried once per delay; the soft bounce
/// after the last retry turns into a hard one (<c>soft_to_hard</c>).
/// </summary>
public static class RetryPolicies
{
    public const string Default = "default";
    public const string Custom = "custom";

    private static readonly Dictionary<string, TimeSpan[]> Named = new()
    {
        [Default] = [TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24)],
        ["aggressive"] = [TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24), TimeSpan.FromHours(72), TimeSpan.FromHours(168)],
        ["conservative"] = [TimeSpan.FromHours(1), TimeSpan.FromHours(24)],
    };

    public static IReadOnlyCollection<string> Names => [.. Named.Keys, Custom];

    public static bool IsNamed(string policy) => Named.ContainsKey(policy);

    /// <summary>The delays of a server's policy; <c>default</c> for a server never configured.</summary>
    public static IReadOnlyList<TimeSpan> DelaysOf(SendingServer? server) =>
        server is null ? Named[Default]
        : server.RetryPolicy == Custom ? server.Delays
        : Named.GetValueOrDefault(server.RetryPolicy, Named[Default]);

    /// <summary>Whether the <paramref name="streak"/>-th soft bounce in a row comes after the policy's last retry.</summary>
    public static bool Exhausted(int streak, IReadOnlyList<TimeSpan> delays) => streak > delays.Count;
}
