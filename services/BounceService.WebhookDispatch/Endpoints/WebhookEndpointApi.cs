using BounceService.WebhookDispatch.Crm;
using BounceService.WebhookDispatch.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BounceService.WebhookDispatch.Endpoints;

/// <summary><c>/v1/webhook-endpoints</c>: CRMs register, change, rotate and recover their webhook endpoints.</summary>
public static class WebhookEndpointApi
{
    public sealed record EndpointBody(string? Url, string? Description, string[]? EventTypes, string[]? ListUids, bool? Enabled);

    /// <summary>An endpoint; <see cref="Secret"/> only in the answer that created or rotated it.</summary>
    public sealed record EndpointView(Guid Id, string Url, string? Description, string[] EventTypes, string[] ListUids, bool Enabled,
        string Source, DateTimeOffset? FailingSince, DateTimeOffset? DisabledAt, string? DisabledReason, DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt, string? Secret = null)
    {
        public static EndpointView Of(WebhookEndpoint e, string? secret = null) => new(e.Id, e.Url, e.Description, e.EventTypes, e.ListUids,
            e.Enabled, e.Source, e.FailingSince, e.DisabledAt, e.DisabledReason, e.CreatedAt, e.UpdatedAt, secret);
    }

    public static IEndpointRouteBuilder MapWebhookEndpointApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/webhook-endpoints");
        group.MapPost("", CreateAsync);
        group.MapGet("", async (WebhookDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Endpoints.AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync(ct)).Select(e => EndpointView.Of(e))));
        group.MapGet("/{id:guid}", async (Guid id, WebhookDbContext db, CancellationToken ct) =>
            await db.Endpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) is { } e ? Results.Ok(EndpointView.Of(e)) : NotFound());
        group.MapPatch("/{id:guid}", PatchAsync);
        group.MapDelete("/{id:guid}", DeleteAsync);
        group.MapPost("/{id:guid}/rotate-secret", RotateAsync);
        group.MapPost("/{id:guid}/recover", RecoverAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(EndpointBody body, WebhookDbContext db, EndpointSecrets secrets, DestinationGuard guard,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (body.Url is null) return Invalid("url is required.");
        if (await EndpointRules.UrlProblemAsync(guard, body.Url, cancellationToken) is { } problem) return Invalid(problem);
        if (EndpointRules.EventTypesProblem(body.EventTypes) is { } eventProblem) return Invalid(eventProblem);
        var now = clock.GetUtcNow();
        var secret = EndpointSecrets.Generate();
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(), Url = body.Url, Description = body.Description, EventTypes = body.EventTypes!.Distinct().ToArray(),
            ListUids = body.ListUids ?? [], Enabled = body.Enabled ?? true, Secret = secrets.Protect(secret), Source = EndpointSources.Api,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Endpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/v1/webhook-endpoints/{endpoint.Id}", EndpointView.Of(endpoint, secret));
    }

    private static async Task<IResult> PatchAsync(Guid id, EndpointBody body, WebhookDbContext db, DestinationGuard guard, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var endpoint = await db.Endpoints.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null) return NotFound();
        if (body.Url is not null && body.Url != endpoint.Url)
        {
            if (endpoint.Source == EndpointSources.Config) return Conflict("A configuration endpoint's URL changes in configuration.");
            if (await EndpointRules.UrlProblemAsync(guard, body.Url, cancellationToken) is { } problem) return Invalid(problem);
            endpoint.Url = body.Url;
        }
        if (body.EventTypes is not null)
        {
            if (EndpointRules.EventTypesProblem(body.EventTypes) is { } problem) return Invalid(problem);
            endpoint.EventTypes = body.EventTypes.Distinct().ToArray();
        }
        if (body.ListUids is not null) endpoint.ListUids = body.ListUids;
        if (body.Description is not null) endpoint.Description = body.Description;
        if (body.Enabled is { } enabled && enabled != endpoint.Enabled)
        {
            endpoint.Enabled = enabled;
            endpoint.DisabledAt = enabled ? null : clock.GetUtcNow();
            endpoint.DisabledReason = enabled ? null : "Disabled through the API.";
            if (enabled) endpoint.FailingSince = null;
        }
        endpoint.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EndpointView.Of(endpoint));
    }

    private static async Task<IResult> DeleteAsync(Guid id, WebhookDbContext db, CancellationToken cancellationToken)
    {
        var endpoint = await db.Endpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null) return NotFound();
        if (endpoint.Source == EndpointSources.Config) return Conflict("A configuration endpoint is removed from configuration (or disabled here).");
        await db.Endpoints.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken); // its deliveries and attempts cascade
        return TypedResults.NoContent();
    }

    private static async Task<IResult> RotateAsync(Guid id, WebhookDbContext db, EndpointSecrets secrets, IOptions<WebhooksOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var endpoint = await db.Endpoints.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null) return NotFound();
        if (endpoint.Source == EndpointSources.Config) return Conflict("A configuration endpoint's secret changes in configuration.");
        var now = clock.GetUtcNow();
        var secret = EndpointSecrets.Generate();
        (endpoint.PreviousSecret, endpoint.PreviousSecretUntil) = (endpoint.Secret, now + options.Value.SecretOverlap);
        endpoint.Secret = secrets.Protect(secret);
        endpoint.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(EndpointView.Of(endpoint, secret));
    }

    /// <summary>Sends again, on a fresh schedule, every delivery to this endpoint that died since <paramref name="since"/>.</summary>
    private static async Task<IResult> RecoverAsync(Guid id, DateTimeOffset since, WebhookDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Endpoints.AnyAsync(e => e.Id == id, cancellationToken)) return NotFound();
        var now = clock.GetUtcNow();
        var requeued = await db.Deliveries.Where(d => d.EndpointId == id && d.Status == DeliveryStatuses.Dead && d.CreatedAt >= since)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatuses.Pending).SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.NextAttemptAt, now).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        return TypedResults.Accepted((string?)null, new { requeued });
    }

    private static IResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No such webhook endpoint.");

    private static IResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not here", detail: detail);

    private static IResult Invalid(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Invalid webhook endpoint", detail: detail);
}
