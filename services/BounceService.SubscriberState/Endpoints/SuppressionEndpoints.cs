using System.Net.Mail;
using System.Text;
using BounceService.SubscriberState.Data;
using BounceService.SubscriberState.Subscribers;
using Microsoft.EntityFrameworkCore;

namespace BounceService.SubscriberState.Endpoints;

/// <summary>The address-level suppression list: look-up, pages, CSV export and CSV import.</summary>
public static class SuppressionEndpoints
{
    private const int MaxImportBytes = 16 * 1024 * 1024;
    private static readonly HashSet<string> ImportCauses = [StatusCauses.HardBounce, StatusCauses.Complaint, StatusCauses.SpamTrap, StatusCauses.Manual];

    public sealed record SuppressionRow(string Email, string Cause, string? EventId, DateTimeOffset Since);
    public sealed record Page(IReadOnlyList<SuppressionRow> Items, string? NextCursor);
    public sealed record Rejected(int Line, string Value, string Reason);
    public sealed record ImportReport(int Imported, int AlreadySuppressed, IReadOnlyList<Rejected> Rejected);

    public static IEndpointRouteBuilder MapSuppressionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/suppressions/export", ExportAsync);
        app.MapPost("/v1/suppressions/import", ImportAsync);
        app.MapGet("/v1/suppressions/{email}", GetAsync);
        app.MapGet("/v1/suppressions", ListAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(string email, StateDbContext db, CancellationToken cancellationToken)
    {
        email = email.Trim().ToLowerInvariant();
        var row = await db.Suppressions.AsNoTracking().Where(s => s.Email == email)
            .Select(s => new SuppressionRow(s.Email, s.Cause, s.EventId, s.Since)).SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not suppressed", detail: "The address is not on the suppression list.")
            : TypedResults.Ok(row);
    }

    /// <summary>Pages in address order; the cursor is the last address of the previous page.</summary>
    private static async Task<IResult> ListAsync(StateDbContext db, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        if (limit is < 1 or > 1000)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: "limit must be between 1 and 1000.");
        var take = limit ?? 100;
        var query = db.Suppressions.AsNoTracking();
        if (cursor is not null) query = query.Where(s => string.Compare(s.Email, cursor) > 0);
        var rows = await query.OrderBy(s => s.Email).Take(take + 1)
            .Select(s => new SuppressionRow(s.Email, s.Cause, s.EventId, s.Since)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page(rows.Take(take).ToList(), rows.Count > take ? rows[take - 1].Email : null));
    }

    private static async Task ExportAsync(HttpContext http, StateDbContext db)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"suppressions.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
        await writer.WriteLineAsync("email,cause,since,event_id");
        await foreach (var s in db.Suppressions.AsNoTracking().OrderBy(s => s.Email).AsAsyncEnumerable().WithCancellation(http.RequestAborted))
            await writer.WriteLineAsync($"{Csv(s.Email)},{Csv(s.Cause)},{s.Since.UtcDateTime:O},{Csv(s.EventId)}");
    }

    /// <summary>CSV of <c>email[,cause]</c> (a header line is optional); each bad line is reported, the rest imported.</summary>
    private static async Task<IResult> ImportAsync(HttpRequest request, StateDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxImportBytes)
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: $"Import at most {MaxImportBytes} bytes at a time.");
        using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true));
        var rows = new Dictionary<string, string>();
        var rejected = new List<Rejected>();
        string? line;
        var number = 0;
        try
        {
            while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
            {
                number++;
                var fields = line.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToArray();
                if (fields.All(f => f.Length == 0)) continue;
                if (number == 1 && fields[0].Equals("email", StringComparison.OrdinalIgnoreCase)) continue;
                var cause = fields.Length > 1 && fields[1].Length > 0 ? fields[1].ToLowerInvariant() : StatusCauses.Manual;
                if (!MailAddress.TryCreate(fields[0], out var address) || address.Address != fields[0])
                    rejected.Add(new(number, line, "not an e-mail address"));
                else if (!ImportCauses.Contains(cause))
                    rejected.Add(new(number, line, $"cause must be one of {string.Join(", ", ImportCauses)}"));
                else
                    rows.TryAdd(address.Address.ToLowerInvariant(), cause);
            }
        }
        catch (DecoderFallbackException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid CSV", detail: $"Line {number + 1} is not valid UTF-8; nothing was imported.");
        }

        var imported = rows.Count == 0 ? 0 : await db.Database.ExecuteSqlAsync($"""
            INSERT INTO subscriber_state.suppressions (email, cause, event_id, since)
            SELECT e, c, NULL, {clock.GetUtcNow()} FROM unnest({rows.Keys.ToArray()}::text[], {rows.Values.ToArray()}::text[]) AS t(e, c)
            ON CONFLICT (email) DO NOTHING
            """, cancellationToken);
        return TypedResults.Ok(new ImportReport(imported, rows.Count - imported, rejected));
    }

    private static string Csv(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
