using System.Collections.Concurrent;
using MassTransit;

namespace BounceService.Testing;

/// <summary>
/// Records what a service's bus consumed and published, for tests that share one in-memory harness:
/// a snapshot that never blocks, unlike the harness's own lists, whose reads wait for inactivity.
/// Register with <c>x.AddConsumeObserver&lt;BusRecorder&gt;()</c> and <c>x.AddPublishObserver&lt;BusRecorder&gt;()</c>.
/// </summary>
public sealed class BusRecorder : IConsumeObserver, IPublishObserver
{
    private readonly ConcurrentQueue<object> _consumed = new();
    private readonly ConcurrentQueue<(object Message, Exception Error)> _faults = new();
    private readonly ConcurrentQueue<object> _published = new();

    public IEnumerable<T> Consumed<T>() => _consumed.OfType<T>();
    public IEnumerable<(T Message, Exception Error)> Faults<T>() => _faults.Where(f => f.Message is T).Select(f => ((T)f.Message, f.Error));
    public IEnumerable<T> Published<T>() => _published.OfType<T>();

    /// <summary>Waits until <paramref name="count"/> messages matching <paramref name="match"/> were consumed successfully.</summary>
    public Task WaitForConsumedAsync<T>(Func<T, bool> match, int count, TimeSpan? timeout = null) where T : class =>
        Eventually.GetAsync(
            () => Task.FromResult(Consumed<T>().Count(match)),
            seen => seen >= count,
            timeout,
            $"{count} {typeof(T).Name} to be consumed (faults: {string.Join("; ", Faults<T>().Where(f => match(f.Message)).Select(f => f.Error.Message))})");

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _consumed.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        _faults.Enqueue((context.Message, exception));
        return Task.CompletedTask;
    }

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        _published.Enqueue(context.Message);
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
