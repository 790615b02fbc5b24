namespace BounceService.Contracts;

/// <summary>
/// A subscriber's status flipped on one list. Published by SubscriberState after the change is committed;
/// <see cref="ChangeId"/> is stable, so a re-publish after a crash can be recognised downstream.
/// </summary>
/// <param name="ChangeId">Id of the stored status change.</param>
/// <param name="Email">The subscriber's address, lower-cased.</param>
/// <param name="ListUid">The list on which the status changed.</param>
/// <param name="OldStatus">See <see cref="SubscriberStatuses"/>.</param>
/// <param name="NewStatus">See <see cref="SubscriberStatuses"/>.</param>
/// <param name="Cause"><c>hard_bounce</c>, <c>complaint</c>, <c>spam_trap</c>, <c>soft_to_hard</c>, <c>manual</c>, <c>reactivated</c>.</param>
/// <param name="EventId">The <see cref="BounceClassified.EventId"/> that caused it, if any.</param>
/// <param name="CampaignUid">Campaign of the causing event, if known.</param>
/// <param name="Provider">Provider of the causing event, if any.</param>
/// <param name="Kind">Kind of the causing event.</param>
/// <param name="DsnCode">DSN code of the causing event.</param>
/// <param name="Reason">Reason of the causing event (Sisimai vocabulary).</param>
/// <param name="Diagnostic">The receiving server's text of the causing event, verbatim.</param>
/// <param name="OccurredAt">When the causing event happened.</param>
public record SubscriberStatusChanged(
    Guid ChangeId,
    string Email,
    string ListUid,
    string OldStatus,
    string NewStatus,
    string Cause,
    string? EventId,
    string? CampaignUid,
    string? Provider,
    string? Kind,
    string? DsnCode,
    string? Reason,
    string? Diagnostic,
    DateTimeOffset OccurredAt);
