using BounceService.Contracts;

namespace BounceService.SubscriberState.Tests;

/// <summary>Classified events as Ingest would publish them, each with a fresh id.</summary>
public static class Events
{
    public static string NewEmail() => $"t-{Guid.NewGuid():N}@example.com";
    public static string NewList() => $"list-{Guid.NewGuid():N}";

    public static BounceClassified Hard(string email, string? list, string dsn = "5.1.1", string reason = "userunknown", string scope = BounceScopes.Recipient) =>
        Make(email, list, "bounce", BounceKinds.Hard, dsn, reason, scope);

    public static BounceClassified Soft(string email, string? list, string dsn = "4.2.2", string reason = "mailboxfull") =>
        Make(email, list, "bounce", BounceKinds.Soft, dsn, reason, BounceScopes.Recipient);

    public static BounceClassified Complaint(string email, string? list) =>
        Make(email, list, "complaint", BounceKinds.Complaint, null, "feedback", BounceScopes.Recipient);

    public static BounceClassified Delivered(string email, string? list) =>
        Make(email, list, "delivered", BounceKinds.Delivered, null, "delivered", BounceScopes.Recipient);

    public static BounceClassified Make(string email, string? list, string type, string kind, string? dsn, string reason, string scope,
        DateTimeOffset? at = null, string? campaign = null, string? server = null) =>
        new($"evt-{Guid.NewGuid():N}", "generic", type, email, list, campaign, server, kind, dsn,
            dsn is null ? null : dsn[0] == '5' ? 550 : 450, reason, scope, $"{dsn} diagnostic for {reason}", null, null,
            at ?? DateTimeOffset.UtcNow);
}
