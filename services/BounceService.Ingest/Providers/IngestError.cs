namespace BounceService.Ingest.Providers;

/// <summary>What is wrong with one part of a request; <paramref name="Pointer"/> is a JSON Pointer (RFC 6901) into the body.</summary>
public sealed record IngestError(string Pointer, string Detail);
