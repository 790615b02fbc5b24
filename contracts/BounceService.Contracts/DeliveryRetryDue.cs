namespace BounceService.Contracts;

/// <summary>
/// A soft-bounced message's retry is due under its sending server's policy: the sending platform should
/// resend it now. Announced at least once; <see cref="RetryId"/> is stable so that repeats can be dropped.
/// </summary>
/// <param name="RetryId">Id of the stored retry.</param>
/// <param name="Attempt">1 for the first retry after the first soft bounce, and so on.</param>
/// <param name="EventId">The soft bounce that scheduled this retry.</param>
public record DeliveryRetryDue(
    Guid RetryId,
    string Email,
    string ListUid,
    string? CampaignUid,
    string? SendingServer,
    int Attempt,
    DateTimeOffset DueAt,
    string EventId);
