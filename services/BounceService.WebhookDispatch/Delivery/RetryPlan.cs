namespace BounceService.WebhookDispatch.Delivery;

/// <summary>When the next attempt is due, from the schedule (with ±20% jitter) and the CRM's <c>Retry-After</c>.</summary>
public static class RetryPlan
{
    public const double Jitter = 0.2;

    /// <param name="attemptsMade">Attempts made so far, the failed one included.</param>
    /// <returns>The time of the next attempt, or null when the schedule is spent (the delivery is dead).</returns>
    public static DateTimeOffset? Next(IReadOnlyList<TimeSpan> schedule, int attemptsMade, DateTimeOffset now, TimeSpan? retryAfter, Random random)
    {
        if (attemptsMade >= schedule.Count) return null;
        var delay = schedule[attemptsMade] * (1 + ((random.NextDouble() * 2) - 1) * Jitter);
        if (retryAfter > delay) delay = retryAfter.Value;
        return now + delay;
    }
}
