using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using BounceService.Classification;

namespace BounceService.Ingest.Providers.Generic;

/// <summary>
/// Reads the generic JSON form: one event object or an array of them. Every problem is reported with a
/// JSON Pointer to the offending item, so a sender can fix its batch in one go.
/// </summary>
public static class GenericParser
{
    public const string Provider = "generic";
    private const int MaxIdLength = 256;
    private const int MaxTextLength = 16 * 1024;

    public sealed record Result(IReadOnlyList<InboundEvent> Events, IReadOnlyList<IngestError> Errors, bool TooMany);

    public static Result Parse(ReadOnlyMemory<byte> body, int maxEvents)
    {
        // System.Text.Json checks UTF-8 only in the strings it decodes (and then throws), so check it all here.
        if (!Utf8.IsValid(body.Span))
            return Fail("", "The body is not valid UTF-8.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return Fail("", $"The body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
                return Collect([(root, "")], maxEvents);
            if (root.ValueKind != JsonValueKind.Array)
                return Fail("", "The body must be one event object or an array of them.");
            var count = root.GetArrayLength();
            if (count == 0) return Fail("", "The array holds no events.");
            if (count > maxEvents)
                return new([], [new("", $"The array holds {count} events; at most {maxEvents} are accepted per request.")], TooMany: true);
            return Collect(root.EnumerateArray().Select((e, i) => (e, $"/{i}")).ToList(), maxEvents);
        }
    }

    private static Result Collect(IReadOnlyList<(JsonElement Element, string Pointer)> items, int maxEvents)
    {
        var events = new List<InboundEvent>(items.Count);
        var errors = new List<IngestError>();
        foreach (var (element, pointer) in items)
        {
            var parsed = ParseEvent(element, pointer, errors);
            if (parsed is not null) events.Add(parsed);
        }
        return new(errors.Count == 0 ? events : [], errors, TooMany: false);
    }

    private static InboundEvent? ParseEvent(JsonElement e, string at, List<IngestError> errors)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(at, $"{Label(at)}not a JSON object."));
            return null;
        }
        var before = errors.Count;
        var reader = new FieldReader(e, at, errors);

        var type = reader.String("type", required: true, MaxIdLength);
        if (type is not null && !EventTypes.All.Contains(type))
            errors.Add(new($"{at}/type", $"{Label(at)}type must be one of bounce, complaint, delivered (got '{type}')."));

        var rawRecipient = reader.String("recipient", required: true, MaxIdLength);
        var recipient = Recipients.Normalise(rawRecipient);
        if (rawRecipient is not null && recipient is null)
            errors.Add(new($"{at}/recipient", $"{Label(at)}recipient '{rawRecipient}' is not a valid e-mail address."));

        var smtp = reader.Integer("smtp_code");
        if (smtp is not null and not (>= 200 and <= 599))
            errors.Add(new($"{at}/smtp_code", $"{Label(at)}smtp_code must be a reply code between 200 and 599."));

        var dsn = reader.String("dsn_code", required: false, 32);
        if (dsn is not null && SmtpStatusCodes.FindEnhanced(dsn) is null)
            errors.Add(new($"{at}/dsn_code", $"{Label(at)}dsn_code must be an RFC 3463 code such as 5.1.1 (got '{dsn}')."));

        var occurredText = reader.String("occurred_at", required: false, 64);
        DateTimeOffset? occurredAt = null;
        if (occurredText is not null)
        {
            if (DateTimeOffset.TryParse(occurredText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
                occurredAt = t.ToUniversalTime();
            else
                errors.Add(new($"{at}/occurred_at", $"{Label(at)}occurred_at must be an RFC 3339 date-time."));
        }

        var evt = new InboundEvent(
            Provider,
            reader.String("event_id", required: false, MaxIdLength),
            type ?? "",
            recipient ?? "",
            reader.String("list_uid", required: false, MaxIdLength),
            reader.String("campaign_uid", required: false, MaxIdLength),
            reader.String("sending_server", required: false, MaxIdLength),
            smtp,
            dsn is null ? null : SmtpStatusCodes.FindEnhanced(dsn),
            reader.String("reason", required: false, MaxTextLength),
            reader.String("provider_label", required: false, MaxIdLength),
            occurredAt);
        return errors.Count == before ? evt : null;
    }

    // "Event #3: " in a batch, nothing for a single event.
    private static string Label(string pointer) => pointer.Length == 0 ? "" : $"Event #{pointer[1..]}: ";

    private static Result Fail(string pointer, string detail) => new([], [new(pointer, detail)], TooMany: false);

    /// <summary>Typed access to an event's fields that records a pointer-named error for each wrong one.</summary>
    private readonly struct FieldReader(JsonElement element, string at, List<IngestError> errors)
    {
        public string? String(string name, bool required, int maxLength)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required) errors.Add(new($"{at}/{name}", $"{Label(at)}{name} is required."));
                return null;
            }
            if (value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new($"{at}/{name}", $"{Label(at)}{name} must be a string."));
                return null;
            }
            string text;
            try
            {
                text = value.GetString()!;
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate (\uD800): valid JSON syntax, but no text.
                errors.Add(new($"{at}/{name}", $"{Label(at)}{name} holds an invalid \\u escape (a lone surrogate)."));
                return null;
            }
            if (text.Length > maxLength)
            {
                errors.Add(new($"{at}/{name}", $"{Label(at)}{name} is longer than {maxLength} characters."));
                return null;
            }
            if (required && string.IsNullOrWhiteSpace(text))
            {
                errors.Add(new($"{at}/{name}", $"{Label(at)}{name} is required."));
                return null;
            }
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        public int? Integer(string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n)) return n;
            if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out n)) return n;
            errors.Add(new($"{at}/{name}", $"{Label(at)}{name} must be an integer."));
            return null;
        }
    }
}
