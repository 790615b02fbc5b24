namespace BounceService.WebhookDispatch.Data;

/// <summary>A CRM's webhook URL: registered through the API (<c>api</c>) or read from configuration (<c>config</c>).</summary>
public sealed class WebhookEndpoint
{
    public Guid Id { get; init; }
    public required string Url { get; set; }
    public string? Description { get; set; }
    public string[] EventTypes { get; set; } = [];
    /// <summary>Lists whose changes are sent; empty for all lists.</summary>
    public string[] ListUids { get; set; } = [];
    public bool Enabled { get; set; } = true;
    /// <summary>The signing secret, encrypted with ASP.NET Data Protection; null for an unsigned configuration endpoint.</summary>
    public string? Secret { get; set; }
    /// <summary>The secret before the latest rotation, still signed with until <see cref="PreviousSecretUntil"/>.</summary>
    public string? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretUntil { get; set; }
    /// <summary><c>api</c> or <c>config</c>.</summary>
    public required string Source { get; init; }
    /// <summary>Start of the current run of failed attempts; null after a success.</summary>
    public DateTimeOffset? FailingSince { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
    public string? DisabledReason { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public static class EndpointSources
{
    public const string Api = "api";
    public const string Config = "config";
}
