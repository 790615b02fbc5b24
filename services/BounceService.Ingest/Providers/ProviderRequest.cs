namespace BounceService.Ingest.Providers;

/// <summary>One callback as a provider posted it: the raw body (signatures cover its exact bytes) and the headers.</summary>
public sealed record ProviderRequest(
    string Provider,
    ReadOnlyMemory<byte> Body,
    IHeaderDictionary Headers,
    ProviderSettings Settings,
    DateTimeOffset Now,
    TimeSpan Tolerance)
{
    /// <summary>The header's value, or null when it is absent, empty or repeated.</summary>
    public string? Header(string name) =>
        Headers.TryGetValue(name, out var values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
