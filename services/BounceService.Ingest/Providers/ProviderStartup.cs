namespace BounceService.Ingest.Providers;

/// <summary>
/// Checks every enabled provider's settings when the service starts, so that a missing key stops the process
/// with a clear message instead of refusing every callback later; and warns about switched-off verification.
/// </summary>
public sealed class ProviderStartup(ProviderRegistry registry, ILogger<ProviderStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var (provider, settings) in registry.Enabled)
        {
            if (!settings.Verify)
            {
                logger.LogWarning("Providers:{Section}:Verify is false: callbacks to /v1/ingest/{Name} are NOT authenticated. Use this for local testing only",
                    provider.Section, provider.Name);
                continue;
            }
            if (provider.Authenticator.Validate(settings) is { } problem)
                problems.Add($"Providers:{provider.Section} {problem}.");
            else
                logger.LogInformation("Provider {Name} enabled at /v1/ingest/{Name}", provider.Name, provider.Name);
        }
        if (problems.Count > 0)
            throw new InvalidOperationException("Provider configuration is incomplete: " + string.Join(" ", problems));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
