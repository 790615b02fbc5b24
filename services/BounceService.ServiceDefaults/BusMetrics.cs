using MassTransit;

namespace BounceService.ServiceDefaults;

/// <summary>
/// Consumer lag and bus dead letters for every consumer of a service, in one place. A receive observer hears of a
/// consumer's fault only once its retries are spent (MassTransit holds the faults of earlier attempts back), which
/// is exactly when the message goes to the <c>_error</c> queue.
/// </summary>
public sealed class BusMetrics(TimeProvider clock) : IReceiveObserver
{
    public const string UnreadableMessage = "(unreadable)";

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class
    {
        if (context.SentTime is { } sent)
        {
            // Clocks of different hosts disagree a little; a negative lag means "none".
            var lag = clock.GetUtcNow().UtcDateTime - duration - DateTime.SpecifyKind(sent, DateTimeKind.Utc);
            BounceMetrics.Consumed(lag < TimeSpan.Zero ? TimeSpan.Zero : lag, ShortName(consumerType), typeof(T).Name);
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class
    {
        BounceMetrics.BusMessageDeadLettered(ShortName(consumerType), typeof(T).Name);
        return Task.CompletedTask;
    }

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    /// <summary>A message no consumer could read (not deserializable): it goes to the <c>_error</c> queue as well.</summary>
    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        BounceMetrics.BusMessageDeadLettered(context.InputAddress.AbsolutePath.Split('/')[^1], UnreadableMessage);
        return Task.CompletedTask;
    }

    /// <summary>The class name without its namespace (or enclosing class): a short, stable tag.</summary>
    private static string ShortName(string consumerType) => consumerType[(consumerType.LastIndexOfAny(['.', '+']) + 1)..];
}
