using BounceService.Contracts;
using BounceService.ServiceDefaults;
using BounceService.SubscriberState.Alerts;
using BounceService.SubscriberState.Subscribers;
using MassTransit;

namespace BounceService.SubscriberState.Consumers;

/// <summary>Records each classified outcome and announces the status flips and the alerts it caused.</summary>
public sealed class BounceClassifiedConsumer(OutcomeRecorder recorder, AlertEvaluator alerts) : IConsumer<BounceClassified>
{
    public async Task Consume(ConsumeContext<BounceClassified> context)
    {
        var result = await recorder.RecordAsync(context.Message, context.CancellationToken);
        if (!result.Duplicate)
            foreach (var change in result.Changes) BounceMetrics.StatusChanged(change.Cause, change.NewStatus);

        // A duplicate published its changes the first time, unless that attempt failed between the commit and
        // the publish: only then (a redelivery or a retry) publish them again. Change ids let consumers dedupe.
        var firstSight = !context.ReceiveContext.Redelivered && context.GetRetryAttempt() == 0;
        if (result.Duplicate && firstSight) return;

        foreach (var change in result.Changes)
            await context.Publish(StatusMoves.ToMessage(change, result.Entry), context.CancellationToken);
        // Alerts are judged after the commit, outside the outcome's transaction: they read counts, not this row.
        foreach (var raised in await alerts.EvaluateAfterAsync(result.Entry, context.CancellationToken))
            await context.Publish(raised, context.CancellationToken);
    }
}
