namespace BounceService.WebhookDispatch.Data;

/// <summary>
/// One webhook owed to one endpoint. A row, not an in-memory timer: retries survive restarts, and the unique
/// (endpoint, message id) key makes a redelivered bus message add nothing.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; init; }
    public Guid EndpointId { get; init; }
    /// <summary><c>msg_</c> + the change id: the <c>webhook-id</c> header, stable across retries and replays.</summary>
    public required string MessageId { get; init; }
    public required string EventType { get; init; }
    /// <summary>The exact JSON body, so that every attempt signs and sends the same bytes.</summary>
    public required string Payload { get; init; }
    /// <summary><c>pending</c>, <c>succeeded</c> or <c>dead</c>.</summary>
    public required string Status { get; set; }
    /// <summary>Attempts made in the current schedule (a replay starts a new one).</summary>
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>Until when a worker holds the row; another replica may take it after that.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SucceededAt { get; set; }
    /// <summary>The W3C <c>traceparent</c> of the change that queued it, so that the send joins the bounce's trace.</summary>
    public string? TraceParent { get; init; }
    public List<DeliveryAttempt> AttemptLog { get; init; } = [];
}

public static class DeliveryStatuses
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Dead = "dead";
}
