using BounceService.Classification.Mail;
using BounceService.Ingest.Providers;
using BounceService.Ingest.Publishing;
using Microsoft.Extensions.Options;

namespace BounceService.Ingest.Endpoints;

/// <summary>
/// <c>POST /v1/ingest/dsn</c>: one raw bounce e-mail (RFC 3464 DSN, RFC 5965 ARF or an MTA's own text), one
/// event per recipient. The campaign and list come from the returned original message's headers.
/// </summary>
public static class DsnIngestEndpoint
{
    public const string Provider = "dsn";

    public static IEndpointRouteBuilder MapDsnIngest(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/ingest/dsn", HandleAsync).AddEndpointFilter<OptionalSharedSecret>();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, EventPublisher publisher, IOptions<IngestOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not null && !string.Equals(mediaType, "message/rfc822", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"Send the raw e-mail as message/rfc822, not {mediaType}.");

        var body = await RequestBody.ReadAsync(http.Request, settings.MaxMessageBytes, http.RequestAborted);
        if (body is null)
            return IngestResults.TooLarge(new IngestError("", $"The message is larger than {settings.MaxMessageBytes} bytes."));

        var report = MailBounces.Read(body);
        var now = clock.GetUtcNow();
        var events = report.Recipients
            .Select(r => (Recipient: Recipients.Normalise(r.Recipient), Outcome: r))
            .Where(r => r.Recipient is not null)
            .Select(r => BounceMessages.Create(ToInbound(r.Recipient!, r.Outcome, report.Original, settings), now))
            .ToList();
        if (events.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not a bounce",
                detail: $"The message was read as '{report.Format}' and reports no failed or complained-about recipient; nothing was published.");
        return await IngestResults.PublishAsync(http, publisher, events);
    }

    private static InboundEvent ToInbound(string recipient, MailRecipient r, OriginalMessage? original, IngestOptions settings) => new(
        Provider,
        EventId: null,
        r.EventType,
        recipient,
        ListUid: Header(original, settings.ListHeaders),
        CampaignUid: Header(original, settings.CampaignHeaders),
        SendingServer: null,
        r.ReplyCode,
        r.Status,
        r.Diagnostic,
        ProviderLabel: r.Label ?? r.Action, // the sending system's own category, else the DSN action
        OccurredAt: null,
        MessageId: original?.MessageId,
        Verdict: r.Verdict);

    private static string? Header(OriginalMessage? original, string[] names) =>
        original is null ? null
        : names.Select(n => original.Headers.TryGetValue(n, out var v) ? v.Trim() : null).FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
