using System.Text.Json;
using BounceService.Classification;
using BounceService.Classification.Mail;
using Verdict = BounceService.Classification.Classification;

namespace BounceService.Classify;

/// <summary>
/// One JSON object per line, in the shape of the corpus's <c>labels.jsonl</c> so the two can be diffed:
/// <c>{"file", "format", "expect": [{recipient, status, reply_code, reason, hard, kind, scope}]}</c>.
/// </summary>
internal static class JsonLines
{
    public static void WriteFile(Stream output, string path, byte[] raw)
    {
        var report = MailBounces.Read(raw);
        Write(output, json =>
        {
            json.WriteString("file", path);
            json.WriteString("format", report.Format);
            json.WriteStartArray("expect");
            foreach (var r in report.Recipients)
            {
                // The address that failed, as Sisimai names it (the DSN's Final-Recipient); the one we sent to
                // (Original-Recipient, what Ingest looks the subscriber up by) follows when it differs.
                Entry(json, r.FinalRecipient ?? r.Recipient, r.Verdict, r.Hard, Status(r.Verdict, r.Diagnostic, r.GaveUpRetrying), r.Diagnostic,
                    r.FinalRecipient is null ? null : r.Recipient);
            }
            json.WriteEndArray();
            if (report.Original is { } original)
            {
                json.WriteStartObject("original");
                json.WriteString("message_id", original.MessageId);
                foreach (var (name, value) in original.Headers) json.WriteString(name, value);
                json.WriteEndObject();
            }
        });
    }

    public static void WriteText(Stream output, string diagnostic)
    {
        var verdict = Classifier.Classify(new BounceInput(EventTypes.Bounce, Diagnostic: diagnostic));
        var hard = verdict.AddressIsDead; // Sisimai's "hard": the address itself is dead
        Write(output, json =>
        {
            json.WriteString("text", diagnostic);
            json.WriteStartArray("expect");
            Entry(json, null, verdict, hard, Status(verdict, diagnostic));
            json.WriteEndArray();
        });
    }

    // Where the bounce names no status code, Sisimai's stand-in X.0.9NN for the reason, as in the corpus labels
    // (none for a complaint: "feedback" has no stand-in).
    private static string? Status(Verdict verdict, string? diagnostic, bool gaveUpRetrying = false) =>
        PseudoStatus.Or(verdict.Dsn, verdict.Reason, verdict.SmtpCode, diagnostic, gaveUpRetrying);

    private static void Entry(Utf8JsonWriter json, string? recipient, Verdict verdict, bool hard, string? status,
        string? diagnostic = null, string? originalRecipient = null)
    {
        json.WriteStartObject();
        json.WriteString("recipient", recipient);
        if (originalRecipient is not null) json.WriteString("original_recipient", originalRecipient);
        json.WriteString("status", status);
        if (verdict.SmtpCode is { } code) json.WriteString("reply_code", code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else json.WriteNull("reply_code");
        json.WriteString("reason", verdict.Reason);
        json.WriteBoolean("hard", hard);
        json.WriteString("kind", verdict.Kind);
        json.WriteString("scope", verdict.Scope);
        if (diagnostic is not null) json.WriteString("diagnostic", diagnostic);
        json.WriteEndObject();
    }

    private static void Write(Stream output, Action<Utf8JsonWriter> body)
    {
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        output.WriteByte((byte)'\n');
    }
}
