namespace BounceService.Ingest.Providers;

/// <summary>What a parser read from one request.</summary>
/// <param name="Ignored">The event types that produced no outcome (opens, clicks, unknown types), one per event.</param>
/// <param name="Unavailable">Set when something the request needs (an SNS confirmation) failed for now: answer 503.</param>
public sealed record ParseResult(
    IReadOnlyList<InboundEvent> Events,
    IReadOnlyList<IngestError> Errors,
    IReadOnlyList<string> Ignored,
    string? Unavailable = null)
{
    public static ParseResult Invalid(string detail, string pointer = "") => new([], [new IngestError(pointer, detail)], []);
}
