using BounceService.Contracts;
using BounceService.SubscriberState.Subscribers;
using MassTransit;

namespace BounceService.SubscriberState.Consumers;

/// <summary>Records each classified outcome and announces the status flips it caused.</summary>
public sealed class BounceClassifiedConsumer(OutcomeRecorder recorder) : IConsumer<BounceClassified>
{
    public async Task Consume(ConsumeContext<BounceClassified> context)
    {
        var result = await recorder.RecordAsync(context.Message, context.CancellationToken);

        // A duplicate published its changes the first time, unless that attempt failed between the commit and
        // the publish: only then (a redelivery or a retry) publish them again. Change ids let consumers dedupe.
        var firstSight = !context.ReceiveContext.Redelivered && context.GetRetryAttempt() == 0;
        if (result.Duplicate && firstSight) return;

        foreach (var change in result.Changes)
            await context.Publish(StatusMoves.ToMessage(change, result.Entry), context.CancellationToken);
    }
}
