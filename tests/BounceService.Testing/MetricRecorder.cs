using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace BounceService.Testing;

/// <summary>Records every measurement of one instrument (meter <c>BounceService</c>) while it lives.</summary>
public sealed class MetricRecorder : IDisposable
{
    public sealed record Measurement(double Value, IReadOnlyDictionary<string, string?> Tags);

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MetricRecorder(string instrument, string meter = "BounceService")
    {
        _listener.InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == meter && i.Name == instrument) l.EnableMeasurementEvents(i);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Add(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => Add(value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> Measurements => _measurements.ToArray();

    /// <summary>The sum of the values whose tags include every given pair.</summary>
    public double Sum(params (string Key, string Value)[] tags) =>
        Measurements.Where(m => tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value)).Sum(m => m.Value);

    private void Add(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value?.ToString();
        _measurements.Enqueue(new Measurement(value, copy));
    }

    public void Dispose() => _listener.Dispose();
}
