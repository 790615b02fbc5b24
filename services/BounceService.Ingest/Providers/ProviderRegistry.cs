using System.Diagnostics.CodeAnalysis;

namespace BounceService.Ingest.Providers;

/// <summary>A provider whose section <c>Providers:&lt;Section&gt;</c> exists, with its settings.</summary>
public sealed record EnabledProvider(WebhookProvider Provider, ProviderSettings Settings);

/// <summary>The providers this instance serves, by route name; a provider without configuration is not served.</summary>
public sealed class ProviderRegistry
{
    private readonly Dictionary<string, EnabledProvider> _enabled = new(StringComparer.OrdinalIgnoreCase);

    public ProviderRegistry(IEnumerable<WebhookProvider> providers, IConfiguration configuration)
    {
        foreach (var provider in providers)
        {
            var section = configuration.GetSection($"{ProvidersOptions.Section}:{provider.Section}");
            if (section.Exists())
                _enabled.Add(provider.Name, new EnabledProvider(provider, section.Get<ProviderSettings>() ?? new ProviderSettings()));
        }
    }

    public IReadOnlyCollection<EnabledProvider> Enabled => _enabled.Values;

    public bool TryGet(string name, [NotNullWhen(true)] out EnabledProvider? provider) => _enabled.TryGetValue(name, out provider);
}
