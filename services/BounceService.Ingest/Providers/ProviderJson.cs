using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace BounceService.Ingest.Providers;

/// <summary>
/// Lenient reading of provider JSON: numbers may come as strings and strings as numbers, a field may be a
/// single value or an array, unknown fields are ignored. Only the shape of the body itself is strict.
/// </summary>
public static class ProviderJson
{
    /// <summary>The parsed body, or null with <paramref name="error"/> saying what is wrong with it.</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> body, out string? error)
    {
        error = null;
        if (!Utf8.IsValid(body.Span))
        {
            error = "The body is not valid UTF-8.";
            return null;
        }
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            error = $"The body is not valid JSON: {ex.Message}";
            return null;
        }
    }

    /// <summary>The events of a body that is one object or an array of them, each with its JSON Pointer.</summary>
    /// <summary>The common shape: one JSON object or an array of them, each handed to <paramref name="read"/>.</summary>
    public static ValueTask<ParseResult> ReadEachObject(ReadOnlyMemory<byte> body, string provider, Action<JsonElement, string, EventCollector> read)
    {
        using var document = Parse(body, out var error);
        if (document is null) return ValueTask.FromResult(ParseResult.Invalid(error!));
        var events = new EventCollector(provider);
        foreach (var (item, at) in Items(document.RootElement))
        {
            if (item.ValueKind != JsonValueKind.Object)
                events.Error(at, $"The event at '{at}' is not a JSON object.");
            else
                read(item, at, events);
        }
        return ValueTask.FromResult(events.Result());
    }

    public static IEnumerable<(JsonElement Item, string Pointer)> Items(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().Select((e, i) => (e, $"/{i}")) : [(root, "")];

    public static string Pointer(string parent, string name) => $"{parent}/{name.Replace("~", "~0").Replace("/", "~1")}";

    /// <summary>The property <paramref name="name"/> of an object, or null when absent, null or not an object.</summary>
    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value : null;

    /// <summary>A string, or a number's or boolean's literal text; null when absent, blank or not readable.</summary>
    public static string? Text(this JsonElement element, string name) => element.Get(name)?.AsText();

    public static string? AsText(this JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    var text = value.GetString();
                    return string.IsNullOrWhiteSpace(text) ? null : text;
                }
                catch (InvalidOperationException)
                {
                    return null; // an escaped lone surrogate
                }
            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
                return value.GetRawText();
            default:
                return null;
        }
    }

    /// <summary>An integer given as a number or as a numeric string.</summary>
    public static long? Integer(this JsonElement element, string name)
    {
        var value = element.Get(name);
        if (value is null) return null;
        if (value.Value.ValueKind == JsonValueKind.Number)
            return value.Value.TryGetInt64(out var n) ? n : null;
        return long.TryParse(value.Value.AsText()?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    public static int? SmtpCode(this JsonElement element, string name) =>
        element.Integer(name) is >= 200 and <= 599 and var code ? (int)code : null;

    public static bool? Boolean(this JsonElement element, string name) =>
        element.Get(name)?.AsText()?.Trim().ToLowerInvariant() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => null,
        };

    /// <summary>A Unix time in seconds (fractions allowed), as a number or a string.</summary>
    public static DateTimeOffset? EpochSeconds(this JsonElement element, string name) => FromEpoch(element.Get(name)?.AsText(), 1000);

    public static DateTimeOffset? EpochMilliseconds(this JsonElement element, string name) => FromEpoch(element.Get(name)?.AsText(), 1);

    public static DateTimeOffset? FromEpoch(string? text, int millisecondsPerUnit)
    {
        if (!decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var units))
            return null;
        var milliseconds = units * millisecondsPerUnit;
        return milliseconds is > 0 and < 253_402_300_799_000m ? DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds) : null;
    }

    /// <summary>An ISO 8601 date-time; one without an offset is taken as UTC.</summary>
    public static DateTimeOffset? Time(this JsonElement element, string name) =>
        DateTimeOffset.TryParse(element.Text(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUniversalTime() : null;

    /// <summary>A field that is one string or an array of strings.</summary>
    public static IReadOnlyList<string> Texts(this JsonElement element, string name) => element.Get(name) switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.AsText()).OfType<string>().ToList(),
        { } single when single.AsText() is { } text => [text],
        _ => [],
    };
}
