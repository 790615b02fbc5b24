using BounceService.Contracts;

namespace BounceService.Ingest.Endpoints;

/// <summary>The 202 body: what was accepted and how each event was classified.</summary>
public sealed record IngestResponse(int Accepted, IReadOnlyList<AcceptedEvent> Events)
{
    public static IngestResponse From(IReadOnlyList<BounceClassified> events) =>
        new(events.Count, events.Select(e => new AcceptedEvent(e.EventId, e.Recipient, e.Kind, e.DsnCode, e.Reason, e.Scope)).ToList());
}

public sealed record AcceptedEvent(string EventId, string Recipient, string Kind, string? Dsn, string Reason, string Scope);
