namespace BounceService.SubscriberState.Data;

/// <summary>The re-confirmation evidence behind a manual reactivation (AcelleMail: never re-add without it).</summary>
public sealed class Reactivation
{
    public Guid Id { get; init; }
    public required string ListUid { get; init; }
    public required string Email { get; init; }
    /// <summary>How the subscriber re-confirmed: <c>signup_form</c>, <c>email_request</c>, ...</summary>
    public required string Method { get; init; }
    public required string Reference { get; init; }
    public DateTimeOffset ConfirmedAt { get; init; }
    public Guid ChangeId { get; init; }
    public DateTimeOffset At { get; init; }
}
