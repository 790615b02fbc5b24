using MassTransit;
using Microsoft.Extensions.Options;

namespace BounceService.SubscriberState.Alerts;

/// <summary>
/// Judges the standing alerts again every <see cref="AlertOptions.SweepInterval"/>: deliveries and retries that
/// succeed lower the rates without triggering a judgement, so this is where such alerts clear. Few alerts stand at
/// a time, so each sweep is a handful of grouped reads; several replicas sweeping is harmless (the updates are idempotent).
/// </summary>
public sealed class AlertSweeper(IServiceScopeFactory scopes, IOptions<AlertOptions> options, ILogger<AlertSweeper> logger) : BackgroundService
{
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        foreach (var raised in await scope.ServiceProvider.GetRequiredService<AlertEvaluator>().EvaluateStandingAsync(cancellationToken))
            await bus.Publish(raised, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sweeping standing alerts failed; trying again in {Interval}", options.Value.SweepInterval);
            }
        }
    }
}
