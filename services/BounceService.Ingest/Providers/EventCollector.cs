using BounceService.Classification;

namespace BounceService.Ingest.Providers;

/// <summary>Gathers a parser's events, errors and ignored event types.</summary>
public sealed class EventCollector(string provider)
{
    private const int MaxTextLength = 16 * 1024;
    private readonly List<InboundEvent> _events = [];
    private readonly List<IngestError> _errors = [];
    private readonly List<string> _ignored = [];

    public string Provider => provider;

    public void Ignore(string? eventType) => _ignored.Add(string.IsNullOrWhiteSpace(eventType) ? "(none)" : eventType.Length > 64 ? eventType[..64] : eventType);

    public void Error(string pointer, string detail) => _errors.Add(new IngestError(pointer, detail));

    /// <summary>Adds one outcome for <paramref name="rawRecipient"/>, or an error naming <paramref name="pointer"/> when it is not one address.</summary>
    public void Add(string pointer, string? rawRecipient, string eventType, Outcome outcome)
    {
        var recipient = Recipients.Normalise(rawRecipient);
        if (recipient is null)
        {
            Error(pointer, rawRecipient is null
                ? $"The {eventType} event at '{pointer}' has no recipient."
                : $"The {eventType} event at '{pointer}' names '{Truncate(rawRecipient, 256)}', which is not one e-mail address.");
            return;
        }
        var dsn = SmtpStatusCodes.FindEnhanced(outcome.DsnCode);
        _events.Add(new InboundEvent(
            provider,
            outcome.EventId,
            eventType,
            recipient,
            null,
            null,
            null,
            outcome.SmtpCode is >= 200 and <= 599 ? outcome.SmtpCode : null,
            dsn,
            Truncate(outcome.Diagnostic, MaxTextLength),
            Truncate(outcome.ProviderLabel, 256),
            outcome.OccurredAt?.ToUniversalTime(),
            outcome.MessageId,
            RemoteHost: Truncate(outcome.RemoteHost, 256)));
    }

    public ParseResult Result() => new(_errors.Count == 0 ? _events : [], _errors, _ignored);

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}

/// <summary>What a provider says about one outcome, besides its type and recipient.</summary>
public sealed record Outcome(
    string? EventId = null,
    string? MessageId = null,
    int? SmtpCode = null,
    string? DsnCode = null,
    string? Diagnostic = null,
    string? ProviderLabel = null,
    DateTimeOffset? OccurredAt = null,
    string? RemoteHost = null);
